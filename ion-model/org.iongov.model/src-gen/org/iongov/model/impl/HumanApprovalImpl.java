/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model.impl;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.iongov.model.HumanApproval;
import org.iongov.model.IonPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Human Approval</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.iongov.model.impl.HumanApprovalImpl#getApproverRole <em>Approver Role</em>}</li>
 *   <li>{@link org.iongov.model.impl.HumanApprovalImpl#getApprovalsRequired <em>Approvals Required</em>}</li>
 *   <li>{@link org.iongov.model.impl.HumanApprovalImpl#isSeparationOfDuties <em>Separation Of Duties</em>}</li>
 * </ul>
 *
 * @generated
 */
public class HumanApprovalImpl extends PolicyImpl implements HumanApproval
{
	/**
	 * The default value of the '{@link #getApproverRole() <em>Approver Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getApproverRole()
	 * @generated
	 * @ordered
	 */
	protected static final String APPROVER_ROLE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getApproverRole() <em>Approver Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getApproverRole()
	 * @generated
	 * @ordered
	 */
	protected String approverRole = APPROVER_ROLE_EDEFAULT;

	/**
	 * The default value of the '{@link #getApprovalsRequired() <em>Approvals Required</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getApprovalsRequired()
	 * @generated
	 * @ordered
	 */
	protected static final int APPROVALS_REQUIRED_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getApprovalsRequired() <em>Approvals Required</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getApprovalsRequired()
	 * @generated
	 * @ordered
	 */
	protected int approvalsRequired = APPROVALS_REQUIRED_EDEFAULT;

	/**
	 * This is true if the Approvals Required attribute has been set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	protected boolean approvalsRequiredESet;

	/**
	 * The default value of the '{@link #isSeparationOfDuties() <em>Separation Of Duties</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSeparationOfDuties()
	 * @generated
	 * @ordered
	 */
	protected static final boolean SEPARATION_OF_DUTIES_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isSeparationOfDuties() <em>Separation Of Duties</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSeparationOfDuties()
	 * @generated
	 * @ordered
	 */
	protected boolean separationOfDuties = SEPARATION_OF_DUTIES_EDEFAULT;

	/**
	 * This is true if the Separation Of Duties attribute has been set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	protected boolean separationOfDutiesESet;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected HumanApprovalImpl()
	{
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass()
	{
		return IonPackage.Literals.HUMAN_APPROVAL;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getApproverRole()
	{
		return approverRole;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setApproverRole(String newApproverRole)
	{
		String oldApproverRole = approverRole;
		approverRole = newApproverRole;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, IonPackage.HUMAN_APPROVAL__APPROVER_ROLE, oldApproverRole, approverRole));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getApprovalsRequired()
	{
		return approvalsRequired;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setApprovalsRequired(int newApprovalsRequired)
	{
		int oldApprovalsRequired = approvalsRequired;
		approvalsRequired = newApprovalsRequired;
		boolean oldApprovalsRequiredESet = approvalsRequiredESet;
		approvalsRequiredESet = true;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, IonPackage.HUMAN_APPROVAL__APPROVALS_REQUIRED, oldApprovalsRequired, approvalsRequired, !oldApprovalsRequiredESet));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void unsetApprovalsRequired()
	{
		int oldApprovalsRequired = approvalsRequired;
		boolean oldApprovalsRequiredESet = approvalsRequiredESet;
		approvalsRequired = APPROVALS_REQUIRED_EDEFAULT;
		approvalsRequiredESet = false;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.UNSET, IonPackage.HUMAN_APPROVAL__APPROVALS_REQUIRED, oldApprovalsRequired, APPROVALS_REQUIRED_EDEFAULT, oldApprovalsRequiredESet));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isSetApprovalsRequired()
	{
		return approvalsRequiredESet;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isSeparationOfDuties()
	{
		return separationOfDuties;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSeparationOfDuties(boolean newSeparationOfDuties)
	{
		boolean oldSeparationOfDuties = separationOfDuties;
		separationOfDuties = newSeparationOfDuties;
		boolean oldSeparationOfDutiesESet = separationOfDutiesESet;
		separationOfDutiesESet = true;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, IonPackage.HUMAN_APPROVAL__SEPARATION_OF_DUTIES, oldSeparationOfDuties, separationOfDuties, !oldSeparationOfDutiesESet));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void unsetSeparationOfDuties()
	{
		boolean oldSeparationOfDuties = separationOfDuties;
		boolean oldSeparationOfDutiesESet = separationOfDutiesESet;
		separationOfDuties = SEPARATION_OF_DUTIES_EDEFAULT;
		separationOfDutiesESet = false;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.UNSET, IonPackage.HUMAN_APPROVAL__SEPARATION_OF_DUTIES, oldSeparationOfDuties, SEPARATION_OF_DUTIES_EDEFAULT, oldSeparationOfDutiesESet));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isSetSeparationOfDuties()
	{
		return separationOfDutiesESet;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType)
	{
		switch (featureID)
		{
			case IonPackage.HUMAN_APPROVAL__APPROVER_ROLE:
				return getApproverRole();
			case IonPackage.HUMAN_APPROVAL__APPROVALS_REQUIRED:
				return getApprovalsRequired();
			case IonPackage.HUMAN_APPROVAL__SEPARATION_OF_DUTIES:
				return isSeparationOfDuties();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue)
	{
		switch (featureID)
		{
			case IonPackage.HUMAN_APPROVAL__APPROVER_ROLE:
				setApproverRole((String)newValue);
				return;
			case IonPackage.HUMAN_APPROVAL__APPROVALS_REQUIRED:
				setApprovalsRequired((Integer)newValue);
				return;
			case IonPackage.HUMAN_APPROVAL__SEPARATION_OF_DUTIES:
				setSeparationOfDuties((Boolean)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID)
	{
		switch (featureID)
		{
			case IonPackage.HUMAN_APPROVAL__APPROVER_ROLE:
				setApproverRole(APPROVER_ROLE_EDEFAULT);
				return;
			case IonPackage.HUMAN_APPROVAL__APPROVALS_REQUIRED:
				unsetApprovalsRequired();
				return;
			case IonPackage.HUMAN_APPROVAL__SEPARATION_OF_DUTIES:
				unsetSeparationOfDuties();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID)
	{
		switch (featureID)
		{
			case IonPackage.HUMAN_APPROVAL__APPROVER_ROLE:
				return APPROVER_ROLE_EDEFAULT == null ? approverRole != null : !APPROVER_ROLE_EDEFAULT.equals(approverRole);
			case IonPackage.HUMAN_APPROVAL__APPROVALS_REQUIRED:
				return isSetApprovalsRequired();
			case IonPackage.HUMAN_APPROVAL__SEPARATION_OF_DUTIES:
				return isSetSeparationOfDuties();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString()
	{
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (approverRole: ");
		result.append(approverRole);
		result.append(", approvalsRequired: ");
		if (approvalsRequiredESet) result.append(approvalsRequired); else result.append("<unset>");
		result.append(", separationOfDuties: ");
		if (separationOfDutiesESet) result.append(separationOfDuties); else result.append("<unset>");
		result.append(')');
		return result.toString();
	}

} //HumanApprovalImpl
