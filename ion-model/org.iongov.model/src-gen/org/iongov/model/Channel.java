/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Channel</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A directed level-2 edge: the messages of one type that one node sends to another.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.iongov.model.Channel#getName <em>Name</em>}</li>
 *   <li>{@link org.iongov.model.Channel#getDescription <em>Description</em>}</li>
 *   <li>{@link org.iongov.model.Channel#getFrom <em>From</em>}</li>
 *   <li>{@link org.iongov.model.Channel#getTo <em>To</em>}</li>
 *   <li>{@link org.iongov.model.Channel#getMessage <em>Message</em>}</li>
 * </ul>
 *
 * @see org.iongov.model.IonPackage#getChannel()
 * @model
 * @generated
 */
public interface Channel extends EObject
{
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.iongov.model.IonPackage#getChannel_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.iongov.model.Channel#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Description</em>' attribute.
	 * @see #setDescription(String)
	 * @see org.iongov.model.IonPackage#getChannel_Description()
	 * @model
	 * @generated
	 */
	String getDescription();

	/**
	 * Sets the value of the '{@link org.iongov.model.Channel#getDescription <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Description</em>' attribute.
	 * @see #getDescription()
	 * @generated
	 */
	void setDescription(String value);

	/**
	 * Returns the value of the '<em><b>From</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>From</em>' reference.
	 * @see #setFrom(Node)
	 * @see org.iongov.model.IonPackage#getChannel_From()
	 * @model
	 * @generated
	 */
	Node getFrom();

	/**
	 * Sets the value of the '{@link org.iongov.model.Channel#getFrom <em>From</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>From</em>' reference.
	 * @see #getFrom()
	 * @generated
	 */
	void setFrom(Node value);

	/**
	 * Returns the value of the '<em><b>To</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>To</em>' reference.
	 * @see #setTo(Node)
	 * @see org.iongov.model.IonPackage#getChannel_To()
	 * @model
	 * @generated
	 */
	Node getTo();

	/**
	 * Sets the value of the '{@link org.iongov.model.Channel#getTo <em>To</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>To</em>' reference.
	 * @see #getTo()
	 * @generated
	 */
	void setTo(Node value);

	/**
	 * Returns the value of the '<em><b>Message</b></em>' attribute.
	 * The literals are from the enumeration {@link org.iongov.model.MessageType}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Message</em>' attribute.
	 * @see org.iongov.model.MessageType
	 * @see #isSetMessage()
	 * @see #unsetMessage()
	 * @see #setMessage(MessageType)
	 * @see org.iongov.model.IonPackage#getChannel_Message()
	 * @model unsettable="true"
	 * @generated
	 */
	MessageType getMessage();

	/**
	 * Sets the value of the '{@link org.iongov.model.Channel#getMessage <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Message</em>' attribute.
	 * @see org.iongov.model.MessageType
	 * @see #isSetMessage()
	 * @see #unsetMessage()
	 * @see #getMessage()
	 * @generated
	 */
	void setMessage(MessageType value);

	/**
	 * Unsets the value of the '{@link org.iongov.model.Channel#getMessage <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isSetMessage()
	 * @see #getMessage()
	 * @see #setMessage(MessageType)
	 * @generated
	 */
	void unsetMessage();

	/**
	 * Returns whether the value of the '{@link org.iongov.model.Channel#getMessage <em>Message</em>}' attribute is set.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return whether the value of the '<em>Message</em>' attribute is set.
	 * @see #unsetMessage()
	 * @see #getMessage()
	 * @see #setMessage(MessageType)
	 * @generated
	 */
	boolean isSetMessage();

} // Channel
