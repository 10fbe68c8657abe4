/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Pipeline Node</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An ML pipeline: where it runs, how it is started, which code it runs, and its level-1 component graph.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.iongov.model.PipelineNode#getRole <em>Role</em>}</li>
 *   <li>{@link org.iongov.model.PipelineNode#getEngine <em>Engine</em>}</li>
 *   <li>{@link org.iongov.model.PipelineNode#getMode <em>Mode</em>}</li>
 *   <li>{@link org.iongov.model.PipelineNode#getSchedule <em>Schedule</em>}</li>
 *   <li>{@link org.iongov.model.PipelineNode#getCode <em>Code</em>}</li>
 *   <li>{@link org.iongov.model.PipelineNode#getModel <em>Model</em>}</li>
 *   <li>{@link org.iongov.model.PipelineNode#getParameters <em>Parameters</em>}</li>
 *   <li>{@link org.iongov.model.PipelineNode#getComponents <em>Components</em>}</li>
 * </ul>
 *
 * @see org.iongov.model.IonPackage#getPipelineNode()
 * @model
 * @generated
 */
public interface PipelineNode extends Node
{
	/**
	 * Returns the value of the '<em><b>Role</b></em>' attribute.
	 * The literals are from the enumeration {@link org.iongov.model.PipelineRole}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Required; unset when the definition does not say.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Role</em>' attribute.
	 * @see org.iongov.model.PipelineRole
	 * @see #isSetRole()
	 * @see #unsetRole()
	 * @see #setRole(PipelineRole)
	 * @see org.iongov.model.IonPackage#getPipelineNode_Role()
	 * @model unsettable="true"
	 * @generated
	 */
	PipelineRole getRole();

	/**
	 * Sets the value of the '{@link org.iongov.model.PipelineNode#getRole <em>Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Role</em>' attribute.
	 * @see org.iongov.model.PipelineRole
	 * @see #isSetRole()
	 * @see #unsetRole()
	 * @see #getRole()
	 * @generated
	 */
	void setRole(PipelineRole value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.PipelineNode#getRole <em>Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetRole()
	 * @see #getRole()
	 * @see #setRole(PipelineRole)
	 * @generated
	 */
	void unsetRole();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.PipelineNode#getRole <em>Role</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Role</em>' attribute is set.
	 * @see #unsetRole()
	 * @see #getRole()
	 * @see #setRole(PipelineRole)
	 * @generated
	 */
	boolean isSetRole();

	/**
	 * Returns the value of the '<em><b>Engine</b></em>' attribute.
	 * The literals are from the enumeration {@link org.iongov.model.Engine}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Required; unset when the definition does not say.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Engine</em>' attribute.
	 * @see org.iongov.model.Engine
	 * @see #isSetEngine()
	 * @see #unsetEngine()
	 * @see #setEngine(Engine)
	 * @see org.iongov.model.IonPackage#getPipelineNode_Engine()
	 * @model unsettable="true"
	 * @generated
	 */
	Engine getEngine();

	/**
	 * Sets the value of the '{@link org.iongov.model.PipelineNode#getEngine <em>Engine</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Engine</em>' attribute.
	 * @see org.iongov.model.Engine
	 * @see #isSetEngine()
	 * @see #unsetEngine()
	 * @see #getEngine()
	 * @generated
	 */
	void setEngine(Engine value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.PipelineNode#getEngine <em>Engine</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetEngine()
	 * @see #getEngine()
	 * @see #setEngine(Engine)
	 * @generated
	 */
	void unsetEngine();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.PipelineNode#getEngine <em>Engine</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Engine</em>' attribute is set.
	 * @see #unsetEngine()
	 * @see #getEngine()
	 * @see #setEngine(Engine)
	 * @generated
	 */
	boolean isSetEngine();

	/**
	 * Returns the value of the '<em><b>Mode</b></em>' attribute.
	 * The literals are from the enumeration {@link org.iongov.model.ExecutionMode}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Required; unset when the definition does not say.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Mode</em>' attribute.
	 * @see org.iongov.model.ExecutionMode
	 * @see #isSetMode()
	 * @see #unsetMode()
	 * @see #setMode(ExecutionMode)
	 * @see org.iongov.model.IonPackage#getPipelineNode_Mode()
	 * @model unsettable="true"
	 * @generated
	 */
	ExecutionMode getMode();

	/**
	 * Sets the value of the '{@link org.iongov.model.PipelineNode#getMode <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mode</em>' attribute.
	 * @see org.iongov.model.ExecutionMode
	 * @see #isSetMode()
	 * @see #unsetMode()
	 * @see #getMode()
	 * @generated
	 */
	void setMode(ExecutionMode value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.PipelineNode#getMode <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetMode()
	 * @see #getMode()
	 * @see #setMode(ExecutionMode)
	 * @generated
	 */
	void unsetMode();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.PipelineNode#getMode <em>Mode</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Mode</em>' attribute is set.
	 * @see #unsetMode()
	 * @see #getMode()
	 * @see #setMode(ExecutionMode)
	 * @generated
	 */
	boolean isSetMode();

	/**
	 * Returns the value of the '<em><b>Schedule</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Schedule</em>' containment reference.
	 * @see #setSchedule(Schedule)
	 * @see org.iongov.model.IonPackage#getPipelineNode_Schedule()
	 * @model containment="true"
	 * @generated
	 */
	Schedule getSchedule();

	/**
	 * Sets the value of the '{@link org.iongov.model.PipelineNode#getSchedule <em>Schedule</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Schedule</em>' containment reference.
	 * @see #getSchedule()
	 * @generated
	 */
	void setSchedule(Schedule value);

	/**
	 * Returns the value of the '<em><b>Code</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The code this pipeline runs; required.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Code</em>' containment reference.
	 * @see #setCode(CodeReference)
	 * @see org.iongov.model.IonPackage#getPipelineNode_Code()
	 * @model containment="true"
	 * @generated
	 */
	CodeReference getCode();

	/**
	 * Sets the value of the '{@link org.iongov.model.PipelineNode#getCode <em>Code</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Code</em>' containment reference.
	 * @see #getCode()
	 * @generated
	 */
	void setCode(CodeReference value);

	/**
	 * Returns the value of the '<em><b>Model</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A model uploaded with the definition rather than received on a model channel.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Model</em>' containment reference.
	 * @see #setModel(ModelReference)
	 * @see org.iongov.model.IonPackage#getPipelineNode_Model()
	 * @model containment="true"
	 * @generated
	 */
	ModelReference getModel();

	/**
	 * Sets the value of the '{@link org.iongov.model.PipelineNode#getModel <em>Model</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Model</em>' containment reference.
	 * @see #getModel()
	 * @generated
	 */
	void setModel(ModelReference value);

	/**
	 * Returns the value of the '<em><b>Parameters</b></em>' containment reference list.
	 * The list contents are of type {@link org.iongov.model.Parameter}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parameters</em>' containment reference list.
	 * @see org.iongov.model.IonPackage#getPipelineNode_Parameters()
	 * @model containment="true"
	 * @generated
	 */
	EList<Parameter> getParameters();

	/**
	 * Returns the value of the '<em><b>Components</b></em>' containment reference list.
	 * The list contents are of type {@link org.iongov.model.Component}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Components</em>' containment reference list.
	 * @see org.iongov.model.IonPackage#getPipelineNode_Components()
	 * @model containment="true"
	 * @generated
	 */
	EList<Component> getComponents();

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The first component with the given name, or null.
	 * <!-- end-model-doc -->
	 * @model
	 * @generated
	 */
	Component findComponent(String name);

} // PipelineNode
