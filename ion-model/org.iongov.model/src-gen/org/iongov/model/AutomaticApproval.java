/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Automatic Approval</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Passes every model on, recording the approval.
 * <!-- end-model-doc -->
 *
 *
 * @see org.iongov.model.IonPackage#getAutomaticApproval()
 * @model
 * @generated
 */
public interface AutomaticApproval extends Policy
{
} // AutomaticApproval
