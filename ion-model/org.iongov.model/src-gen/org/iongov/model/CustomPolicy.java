/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Custom Policy</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Policy code of the user's own that decides.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.iongov.model.CustomPolicy#getCode <em>Code</em>}</li>
 * </ul>
 *
 * @see org.iongov.model.IonPackage#getCustomPolicy()
 * @model
 * @generated
 */
public interface CustomPolicy extends Policy
{
	/**
	 * Returns the value of the '<em><b>Code</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Code</em>' containment reference.
	 * @see #setCode(CodeReference)
	 * @see org.iongov.model.IonPackage#getCustomPolicy_Code()
	 * @model containment="true"
	 * @generated
	 */
	CodeReference getCode();

	/**
	 * Sets the value of the '{@link org.iongov.model.CustomPolicy#getCode <em>Code</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Code</em>' containment reference.
	 * @see #getCode()
	 * @generated
	 */
	void setCode(CodeReference value);

} // CustomPolicy
