/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Human Approval</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Holds a model until people in the given role approve it.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.iongov.model.HumanApproval#getApproverRole <em>Approver Role</em>}</li>
 *   <li>{@link org.iongov.model.HumanApproval#getApprovalsRequired <em>Approvals Required</em>}</li>
 *   <li>{@link org.iongov.model.HumanApproval#isSeparationOfDuties <em>Separation Of Duties</em>}</li>
 * </ul>
 *
 * @see org.iongov.model.IonPackage#getHumanApproval()
 * @model
 * @generated
 */
public interface HumanApproval extends Policy
{
	/**
	 * Returns the value of the '<em><b>Approver Role</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Approver Role</em>' attribute.
	 * @see #setApproverRole(String)
	 * @see org.iongov.model.IonPackage#getHumanApproval_ApproverRole()
	 * @model
	 * @generated
	 */
	String getApproverRole();

	/**
	 * Sets the value of the '{@link org.iongov.model.HumanApproval#getApproverRole <em>Approver Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Approver Role</em>' attribute.
	 * @see #getApproverRole()
	 * @generated
	 */
	void setApproverRole(String value);

	/**
	 * Returns the value of the '<em><b>Approvals Required</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Approvals Required</em>' attribute.
	 * @see #isSetApprovalsRequired()
	 * @see #unsetApprovalsRequired()
	 * @see #setApprovalsRequired(int)
	 * @see org.iongov.model.IonPackage#getHumanApproval_ApprovalsRequired()
	 * @model default="1" unsettable="true"
	 * @generated
	 */
	int getApprovalsRequired();

	/**
	 * Sets the value of the '{@link org.iongov.model.HumanApproval#getApprovalsRequired <em>Approvals Required</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Approvals Required</em>' attribute.
	 * @see #isSetApprovalsRequired()
	 * @see #unsetApprovalsRequired()
	 * @see #getApprovalsRequired()
	 * @generated
	 */
	void setApprovalsRequired(int value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.HumanApproval#getApprovalsRequired <em>Approvals Required</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetApprovalsRequired()
	 * @see #getApprovalsRequired()
	 * @see #setApprovalsRequired(int)
	 * @generated
	 */
	void unsetApprovalsRequired();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.HumanApproval#getApprovalsRequired <em>Approvals Required</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Approvals Required</em>' attribute is set.
	 * @see #unsetApprovalsRequired()
	 * @see #getApprovalsRequired()
	 * @see #setApprovalsRequired(int)
	 * @generated
	 */
	boolean isSetApprovalsRequired();

	/**
	 * Returns the value of the '<em><b>Separation Of Duties</b></em>' attribute.
	 * The default value is <code>"false"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * When true, whoever started the run that produced the model may not approve it.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Separation Of Duties</em>' attribute.
	 * @see #isSetSeparationOfDuties()
	 * @see #unsetSeparationOfDuties()
	 * @see #setSeparationOfDuties(boolean)
	 * @see org.iongov.model.IonPackage#getHumanApproval_SeparationOfDuties()
	 * @model default="false" unsettable="true"
	 * @generated
	 */
	boolean isSeparationOfDuties();

	/**
	 * Sets the value of the '{@link org.iongov.model.HumanApproval#isSeparationOfDuties <em>Separation Of Duties</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Separation Of Duties</em>' attribute.
	 * @see #isSetSeparationOfDuties()
	 * @see #unsetSeparationOfDuties()
	 * @see #isSeparationOfDuties()
	 * @generated
	 */
	void setSeparationOfDuties(boolean value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.HumanApproval#isSeparationOfDuties <em>Separation Of Duties</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetSeparationOfDuties()
	 * @see #isSeparationOfDuties()
	 * @see #setSeparationOfDuties(boolean)
	 * @generated
	 */
	void unsetSeparationOfDuties();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.HumanApproval#isSeparationOfDuties <em>Separation Of Duties</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Separation Of Duties</em>' attribute is set.
	 * @see #unsetSeparationOfDuties()
	 * @see #isSeparationOfDuties()
	 * @see #setSeparationOfDuties(boolean)
	 * @generated
	 */
	boolean isSetSeparationOfDuties();

} // HumanApproval
