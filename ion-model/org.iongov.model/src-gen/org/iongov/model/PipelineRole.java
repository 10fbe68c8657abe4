/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;

/**
 * <!-- begin-user-doc -->
 * A representation of the literals of the enumeration '<em><b>Pipeline Role</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see org.iongov.model.IonPackage#getPipelineRole()
 * @model
 * @generated
 */
public enum PipelineRole implements Enumerator
{
	/**
	 * The '<em><b>Training</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TRAINING_VALUE
	 * @generated
	 * @ordered
	 */
	TRAINING(0, "training", "training"),

	/**
	 * The '<em><b>Inference</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #INFERENCE_VALUE
	 * @generated
	 * @ordered
	 */
	INFERENCE(1, "inference", "inference"),

	/**
	 * The '<em><b>Control</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A control (canary) pipeline that runs beside the primary inference pipeline.
	 * <!-- end-model-doc -->
	 * @see #CONTROL_VALUE
	 * @generated
	 * @ordered
	 */
	CONTROL(2, "control", "control"),

	/**
	 * The '<em><b>Ensemble Member</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Trains one member of an ensemble, separately from the other members.
	 * <!-- end-model-doc -->
	 * @see #ENSEMBLE_MEMBER_VALUE
	 * @generated
	 * @ordered
	 */
	ENSEMBLE_MEMBER(3, "ensembleMember", "ensemble-member");

	/**
	 * The '<em><b>Training</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TRAINING
	 * @model name="training"
	 * @generated
	 * @ordered
	 */
	public static final int TRAINING_VALUE = 0;

	/**
	 * The '<em><b>Inference</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #INFERENCE
	 * @model name="inference"
	 * @generated
	 * @ordered
	 */
	public static final int INFERENCE_VALUE = 1;

	/**
	 * The '<em><b>Control</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A control (canary) pipeline that runs beside the primary inference pipeline.
	 * <!-- end-model-doc -->
	 * @see #CONTROL
	 * @model name="control"
	 * @generated
	 * @ordered
	 */
	public static final int CONTROL_VALUE = 2;

	/**
	 * The '<em><b>Ensemble Member</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Trains one member of an ensemble, separately from the other members.
	 * <!-- end-model-doc -->
	 * @see #ENSEMBLE_MEMBER
	 * @model name="ensembleMember" literal="ensemble-member"
	 * @generated
	 * @ordered
	 */
	public static final int ENSEMBLE_MEMBER_VALUE = 3;

	/**
	 * An array of all the '<em><b>Pipeline Role</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final PipelineRole[] VALUES_ARRAY =
		new PipelineRole[]
		{
			TRAINING,
			INFERENCE,
			CONTROL,
			ENSEMBLE_MEMBER,
		};

	/**
	 * A public read-only list of all the '<em><b>Pipeline Role</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<PipelineRole> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Pipeline Role</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static PipelineRole get(String literal)
	{
		for (int i = 0; i < VALUES_ARRAY.length; ++i)
		{
			PipelineRole result = VALUES_ARRAY[i];
			if (result.toString().equals(literal))
			{
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Pipeline Role</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static PipelineRole getByName(String name)
	{
		for (int i = 0; i < VALUES_ARRAY.length; ++i)
		{
			PipelineRole result = VALUES_ARRAY[i];
			if (result.getName().equals(name))
			{
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Pipeline Role</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static PipelineRole get(int value)
	{
		switch (value)
		{
			case TRAINING_VALUE: return TRAINING;
			case INFERENCE_VALUE: return INFERENCE;
			case CONTROL_VALUE: return CONTROL;
			case ENSEMBLE_MEMBER_VALUE: return ENSEMBLE_MEMBER;
		}
		return null;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final int value;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String name;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String literal;

	/**
	 * Only this class can construct instances.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private PipelineRole(int value, String name, String literal)
	{
		this.value = value;
		this.name = name;
		this.literal = literal;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getValue()
	{
	  return value;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName()
	{
	  return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getLiteral()
	{
	  return literal;
	}

	/**
	 * Returns the literal value of the enumerator, which is its string representation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString()
	{
		return literal;
	}
	
} //PipelineRole
