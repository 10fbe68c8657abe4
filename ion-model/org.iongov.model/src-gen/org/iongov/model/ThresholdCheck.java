/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Threshold Check</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Passes a model on when its statistic compares as required with a value, e.g. auc >= 0.8.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.iongov.model.ThresholdCheck#getStatistic <em>Statistic</em>}</li>
 *   <li>{@link org.iongov.model.ThresholdCheck#getComparison <em>Comparison</em>}</li>
 *   <li>{@link org.iongov.model.ThresholdCheck#getValue <em>Value</em>}</li>
 * </ul>
 *
 * @see org.iongov.model.IonPackage#getThresholdCheck()
 * @model
 * @generated
 */
public interface ThresholdCheck extends Policy
{
	/**
	 * Returns the value of the '<em><b>Statistic</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Statistic</em>' attribute.
	 * @see #setStatistic(String)
	 * @see org.iongov.model.IonPackage#getThresholdCheck_Statistic()
	 * @model
	 * @generated
	 */
	String getStatistic();

	/**
	 * Sets the value of the '{@link org.iongov.model.ThresholdCheck#getStatistic <em>Statistic</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Statistic</em>' attribute.
	 * @see #getStatistic()
	 * @generated
	 */
	void setStatistic(String value);

	/**
	 * Returns the value of the '<em><b>Comparison</b></em>' attribute.
	 * The literals are from the enumeration {@link org.iongov.model.Comparison}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Comparison</em>' attribute.
	 * @see org.iongov.model.Comparison
	 * @see #isSetComparison()
	 * @see #unsetComparison()
	 * @see #setComparison(Comparison)
	 * @see org.iongov.model.IonPackage#getThresholdCheck_Comparison()
	 * @model unsettable="true"
	 * @generated
	 */
	Comparison getComparison();

	/**
	 * Sets the value of the '{@link org.iongov.model.ThresholdCheck#getComparison <em>Comparison</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Comparison</em>' attribute.
	 * @see org.iongov.model.Comparison
	 * @see #isSetComparison()
	 * @see #unsetComparison()
	 * @see #getComparison()
	 * @generated
	 */
	void setComparison(Comparison value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.ThresholdCheck#getComparison <em>Comparison</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetComparison()
	 * @see #getComparison()
	 * @see #setComparison(Comparison)
	 * @generated
	 */
	void unsetComparison();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.ThresholdCheck#getComparison <em>Comparison</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Comparison</em>' attribute is set.
	 * @see #unsetComparison()
	 * @see #getComparison()
	 * @see #setComparison(Comparison)
	 * @generated
	 */
	boolean isSetComparison();

	/**
	 * Returns the value of the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Value</em>' attribute.
	 * @see #isSetValue()
	 * @see #unsetValue()
	 * @see #setValue(double)
	 * @see org.iongov.model.IonPackage#getThresholdCheck_Value()
	 * @model unsettable="true"
	 * @generated
	 */
	double getValue();

	/**
	 * Sets the value of the '{@link org.iongov.model.ThresholdCheck#getValue <em>Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Value</em>' attribute.
	 * @see #isSetValue()
	 * @see #unsetValue()
	 * @see #getValue()
	 * @generated
	 */
	void setValue(double value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.ThresholdCheck#getValue <em>Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetValue()
	 * @see #getValue()
	 * @see #setValue(double)
	 * @generated
	 */
	void unsetValue();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.ThresholdCheck#getValue <em>Value</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Value</em>' attribute is set.
	 * @see #unsetValue()
	 * @see #getValue()
	 * @see #setValue(double)
	 * @generated
	 */
	boolean isSetValue();

} // ThresholdCheck
