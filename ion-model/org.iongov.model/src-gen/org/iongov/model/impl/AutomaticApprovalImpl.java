/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model.impl;

import org.eclipse.emf.ecore.EClass;

import org.iongov.model.AutomaticApproval;
import org.iongov.model.IonPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Automatic Approval</b></em>'.
 * <!-- end-user-doc -->
 *
 * @generated
 */
public class AutomaticApprovalImpl extends PolicyImpl implements AutomaticApproval
{
	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected AutomaticApprovalImpl()
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
		return IonPackage.Literals.AUTOMATIC_APPROVAL;
	}

} //AutomaticApprovalImpl
