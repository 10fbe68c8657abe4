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
 * A representation of the literals of the enumeration '<em><b>Engine</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see org.iongov.model.IonPackage#getEngine()
 * @model
 * @generated
 */
public enum Engine implements Enumerator
{
	/**
	 * The '<em><b>Spark</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SPARK_VALUE
	 * @generated
	 * @ordered
	 */
	SPARK(0, "spark", "spark"),

	/**
	 * The '<em><b>Flink</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FLINK_VALUE
	 * @generated
	 * @ordered
	 */
	FLINK(1, "flink", "flink"),

	/**
	 * The '<em><b>Tensorflow</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TENSORFLOW_VALUE
	 * @generated
	 * @ordered
	 */
	TENSORFLOW(2, "tensorflow", "tensorflow"),

	/**
	 * The '<em><b>Standalone</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #STANDALONE_VALUE
	 * @generated
	 * @ordered
	 */
	STANDALONE(3, "standalone", "standalone");

	/**
	 * The '<em><b>Spark</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SPARK
	 * @model name="spark"
	 * @generated
	 * @ordered
	 */
	public static final int SPARK_VALUE = 0;

	/**
	 * The '<em><b>Flink</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FLINK
	 * @model name="flink"
	 * @generated
	 * @ordered
	 */
	public static final int FLINK_VALUE = 1;

	/**
	 * The '<em><b>Tensorflow</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TENSORFLOW
	 * @model name="tensorflow"
	 * @generated
	 * @ordered
	 */
	public static final int TENSORFLOW_VALUE = 2;

	/**
	 * The '<em><b>Standalone</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #STANDALONE
	 * @model name="standalone"
	 * @generated
	 * @ordered
	 */
	public static final int STANDALONE_VALUE = 3;

	/**
	 * An array of all the '<em><b>Engine</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final Engine[] VALUES_ARRAY =
		new Engine[]
		{
			SPARK,
			FLINK,
			TENSORFLOW,
			STANDALONE,
		};

	/**
	 * A public read-only list of all the '<em><b>Engine</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<Engine> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Engine</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Engine get(String literal)
	{
		for (int i = 0; i < VALUES_ARRAY.length; ++i)
		{
			Engine result = VALUES_ARRAY[i];
			if (result.toString().equals(literal))
			{
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Engine</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Engine getByName(String name)
	{
		for (int i = 0; i < VALUES_ARRAY.length; ++i)
		{
			Engine result = VALUES_ARRAY[i];
			if (result.getName().equals(name))
			{
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Engine</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Engine get(int value)
	{
		switch (value)
		{
			case SPARK_VALUE: return SPARK;
			case FLINK_VALUE: return FLINK;
			case TENSORFLOW_VALUE: return TENSORFLOW;
			case STANDALONE_VALUE: return STANDALONE;
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
	private Engine(int value, String name, String literal)
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
	
} //Engine
