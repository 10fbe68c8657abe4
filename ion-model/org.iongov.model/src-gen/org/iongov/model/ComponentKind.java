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
 * A representation of the literals of the enumeration '<em><b>Component Kind</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see org.iongov.model.IonPackage#getComponentKind()
 * @model
 * @generated
 */
public enum ComponentKind implements Enumerator
{
	/**
	 * The '<em><b>Reader</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #READER_VALUE
	 * @generated
	 * @ordered
	 */
	READER(0, "reader", "reader"),

	/**
	 * The '<em><b>Feature Step</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FEATURE_STEP_VALUE
	 * @generated
	 * @ordered
	 */
	FEATURE_STEP(1, "featureStep", "feature-step"),

	/**
	 * The '<em><b>Trainer</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TRAINER_VALUE
	 * @generated
	 * @ordered
	 */
	TRAINER(2, "trainer", "trainer"),

	/**
	 * The '<em><b>Evaluator</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #EVALUATOR_VALUE
	 * @generated
	 * @ordered
	 */
	EVALUATOR(3, "evaluator", "evaluator"),

	/**
	 * The '<em><b>Scorer</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SCORER_VALUE
	 * @generated
	 * @ordered
	 */
	SCORER(4, "scorer", "scorer"),

	/**
	 * The '<em><b>Writer</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #WRITER_VALUE
	 * @generated
	 * @ordered
	 */
	WRITER(5, "writer", "writer"),

	/**
	 * The '<em><b>Other</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #OTHER_VALUE
	 * @generated
	 * @ordered
	 */
	OTHER(6, "other", "other");

	/**
	 * The '<em><b>Reader</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #READER
	 * @model name="reader"
	 * @generated
	 * @ordered
	 */
	public static final int READER_VALUE = 0;

	/**
	 * The '<em><b>Feature Step</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FEATURE_STEP
	 * @model name="featureStep" literal="feature-step"
	 * @generated
	 * @ordered
	 */
	public static final int FEATURE_STEP_VALUE = 1;

	/**
	 * The '<em><b>Trainer</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TRAINER
	 * @model name="trainer"
	 * @generated
	 * @ordered
	 */
	public static final int TRAINER_VALUE = 2;

	/**
	 * The '<em><b>Evaluator</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #EVALUATOR
	 * @model name="evaluator"
	 * @generated
	 * @ordered
	 */
	public static final int EVALUATOR_VALUE = 3;

	/**
	 * The '<em><b>Scorer</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SCORER
	 * @model name="scorer"
	 * @generated
	 * @ordered
	 */
	public static final int SCORER_VALUE = 4;

	/**
	 * The '<em><b>Writer</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #WRITER
	 * @model name="writer"
	 * @generated
	 * @ordered
	 */
	public static final int WRITER_VALUE = 5;

	/**
	 * The '<em><b>Other</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #OTHER
	 * @model name="other"
	 * @generated
	 * @ordered
	 */
	public static final int OTHER_VALUE = 6;

	/**
	 * An array of all the '<em><b>Component Kind</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final ComponentKind[] VALUES_ARRAY =
		new ComponentKind[]
		{
			READER,
			FEATURE_STEP,
			TRAINER,
			EVALUATOR,
			SCORER,
			WRITER,
			OTHER,
		};

	/**
	 * A public read-only list of all the '<em><b>Component Kind</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<ComponentKind> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Component Kind</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static ComponentKind get(String literal)
	{
		for (int i = 0; i < VALUES_ARRAY.length; ++i)
		{
			ComponentKind result = VALUES_ARRAY[i];
			if (result.toString().equals(literal))
			{
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Component Kind</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static ComponentKind getByName(String name)
	{
		for (int i = 0; i < VALUES_ARRAY.length; ++i)
		{
			ComponentKind result = VALUES_ARRAY[i];
			if (result.getName().equals(name))
			{
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Component Kind</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static ComponentKind get(int value)
	{
		switch (value)
		{
			case READER_VALUE: return READER;
			case FEATURE_STEP_VALUE: return FEATURE_STEP;
			case TRAINER_VALUE: return TRAINER;
			case EVALUATOR_VALUE: return EVALUATOR;
			case SCORER_VALUE: return SCORER;
			case WRITER_VALUE: return WRITER;
			case OTHER_VALUE: return OTHER;
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
	private ComponentKind(int value, String name, String literal)
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
	
} //ComponentKind
