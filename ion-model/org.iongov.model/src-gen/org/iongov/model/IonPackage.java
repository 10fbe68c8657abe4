/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EOperation;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * The ION (Intelligence Overlay Network) of a production ML system, on two levels.
 * Level 2: pipeline and policy nodes connected by channels that carry messages (models, events,
 * statistics); cycles are allowed. Level 1: each pipeline's acyclic graph of components.
 * <!-- end-model-doc -->
 * @see org.iongov.model.IonFactory
 * @model kind="package"
 * @generated
 */
public interface IonPackage extends EPackage
{
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "model";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://www.iongov.org/ion/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "ion";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	IonPackage eINSTANCE = org.iongov.model.impl.IonPackageImpl.init();

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.IonImpl <em>Ion</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.IonImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getIon()
	 * @generated
	 */
	int ION = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION__NAME = 0;

	/**
	 * The feature id for the '<em><b>Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION__VERSION = 1;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION__DESCRIPTION = 2;

	/**
	 * The feature id for the '<em><b>Nodes</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION__NODES = 3;

	/**
	 * The feature id for the '<em><b>Channels</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION__CHANNELS = 4;

	/**
	 * The number of structural features of the '<em>Ion</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION_FEATURE_COUNT = 5;

	/**
	 * The operation id for the '<em>Find Node</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION___FIND_NODE__STRING = 0;

	/**
	 * The operation id for the '<em>Find Channel</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION___FIND_CHANNEL__STRING = 1;

	/**
	 * The number of operations of the '<em>Ion</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ION_OPERATION_COUNT = 2;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.NodeImpl <em>Node</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.NodeImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getNode()
	 * @generated
	 */
	int NODE = 1;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE__NAME = 0;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE__DESCRIPTION = 1;

	/**
	 * The number of structural features of the '<em>Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE_FEATURE_COUNT = 2;

	/**
	 * The operation id for the '<em>Incoming Channels</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE___INCOMING_CHANNELS = 0;

	/**
	 * The operation id for the '<em>Outgoing Channels</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE___OUTGOING_CHANNELS = 1;

	/**
	 * The number of operations of the '<em>Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NODE_OPERATION_COUNT = 2;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.PipelineNodeImpl <em>Pipeline Node</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.PipelineNodeImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getPipelineNode()
	 * @generated
	 */
	int PIPELINE_NODE = 2;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__NAME = NODE__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__DESCRIPTION = NODE__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Role</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__ROLE = NODE_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Engine</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__ENGINE = NODE_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__MODE = NODE_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Schedule</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__SCHEDULE = NODE_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Code</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__CODE = NODE_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Model</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__MODEL = NODE_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__PARAMETERS = NODE_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Components</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE__COMPONENTS = NODE_FEATURE_COUNT + 7;

	/**
	 * The number of structural features of the '<em>Pipeline Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE_FEATURE_COUNT = NODE_FEATURE_COUNT + 8;

	/**
	 * The operation id for the '<em>Incoming Channels</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE___INCOMING_CHANNELS = NODE___INCOMING_CHANNELS;

	/**
	 * The operation id for the '<em>Outgoing Channels</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE___OUTGOING_CHANNELS = NODE___OUTGOING_CHANNELS;

	/**
	 * The operation id for the '<em>Find Component</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE___FIND_COMPONENT__STRING = NODE_OPERATION_COUNT + 0;

	/**
	 * The number of operations of the '<em>Pipeline Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PIPELINE_NODE_OPERATION_COUNT = NODE_OPERATION_COUNT + 1;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.PolicyNodeImpl <em>Policy Node</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.PolicyNodeImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getPolicyNode()
	 * @generated
	 */
	int POLICY_NODE = 3;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_NODE__NAME = NODE__NAME;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_NODE__DESCRIPTION = NODE__DESCRIPTION;

	/**
	 * The feature id for the '<em><b>Policy</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_NODE__POLICY = NODE_FEATURE_COUNT + 0;

	/**
	 * The number of structural features of the '<em>Policy Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_NODE_FEATURE_COUNT = NODE_FEATURE_COUNT + 1;

	/**
	 * The operation id for the '<em>Incoming Channels</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_NODE___INCOMING_CHANNELS = NODE___INCOMING_CHANNELS;

	/**
	 * The operation id for the '<em>Outgoing Channels</em>' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_NODE___OUTGOING_CHANNELS = NODE___OUTGOING_CHANNELS;

	/**
	 * The number of operations of the '<em>Policy Node</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_NODE_OPERATION_COUNT = NODE_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.PolicyImpl <em>Policy</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.PolicyImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getPolicy()
	 * @generated
	 */
	int POLICY = 4;

	/**
	 * The number of structural features of the '<em>Policy</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_FEATURE_COUNT = 0;

	/**
	 * The number of operations of the '<em>Policy</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int POLICY_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.AutomaticApprovalImpl <em>Automatic Approval</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.AutomaticApprovalImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getAutomaticApproval()
	 * @generated
	 */
	int AUTOMATIC_APPROVAL = 5;

	/**
	 * The number of structural features of the '<em>Automatic Approval</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int AUTOMATIC_APPROVAL_FEATURE_COUNT = POLICY_FEATURE_COUNT + 0;

	/**
	 * The number of operations of the '<em>Automatic Approval</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int AUTOMATIC_APPROVAL_OPERATION_COUNT = POLICY_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.ThresholdCheckImpl <em>Threshold Check</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.ThresholdCheckImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getThresholdCheck()
	 * @generated
	 */
	int THRESHOLD_CHECK = 6;

	/**
	 * The feature id for the '<em><b>Statistic</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int THRESHOLD_CHECK__STATISTIC = POLICY_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Comparison</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int THRESHOLD_CHECK__COMPARISON = POLICY_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int THRESHOLD_CHECK__VALUE = POLICY_FEATURE_COUNT + 2;

	/**
	 * The number of structural features of the '<em>Threshold Check</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int THRESHOLD_CHECK_FEATURE_COUNT = POLICY_FEATURE_COUNT + 3;

	/**
	 * The number of operations of the '<em>Threshold Check</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int THRESHOLD_CHECK_OPERATION_COUNT = POLICY_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.HumanApprovalImpl <em>Human Approval</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.HumanApprovalImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getHumanApproval()
	 * @generated
	 */
	int HUMAN_APPROVAL = 7;

	/**
	 * The feature id for the '<em><b>Approver Role</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HUMAN_APPROVAL__APPROVER_ROLE = POLICY_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Approvals Required</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HUMAN_APPROVAL__APPROVALS_REQUIRED = POLICY_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Separation Of Duties</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HUMAN_APPROVAL__SEPARATION_OF_DUTIES = POLICY_FEATURE_COUNT + 2;

	/**
	 * The number of structural features of the '<em>Human Approval</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HUMAN_APPROVAL_FEATURE_COUNT = POLICY_FEATURE_COUNT + 3;

	/**
	 * The number of operations of the '<em>Human Approval</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HUMAN_APPROVAL_OPERATION_COUNT = POLICY_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.CustomPolicyImpl <em>Custom Policy</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.CustomPolicyImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getCustomPolicy()
	 * @generated
	 */
	int CUSTOM_POLICY = 8;

	/**
	 * The feature id for the '<em><b>Code</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CUSTOM_POLICY__CODE = POLICY_FEATURE_COUNT + 0;

	/**
	 * The number of structural features of the '<em>Custom Policy</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CUSTOM_POLICY_FEATURE_COUNT = POLICY_FEATURE_COUNT + 1;

	/**
	 * The number of operations of the '<em>Custom Policy</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CUSTOM_POLICY_OPERATION_COUNT = POLICY_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.ChannelImpl <em>Channel</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.ChannelImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getChannel()
	 * @generated
	 */
	int CHANNEL = 9;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__NAME = 0;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__DESCRIPTION = 1;

	/**
	 * The feature id for the '<em><b>From</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__FROM = 2;

	/**
	 * The feature id for the '<em><b>To</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__TO = 3;

	/**
	 * The feature id for the '<em><b>Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL__MESSAGE = 4;

	/**
	 * The number of structural features of the '<em>Channel</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Channel</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHANNEL_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.ComponentImpl <em>Component</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.ComponentImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getComponent()
	 * @generated
	 */
	int COMPONENT = 10;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT__NAME = 0;

	/**
	 * The feature id for the '<em><b>Kind</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT__KIND = 1;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT__DESCRIPTION = 2;

	/**
	 * The feature id for the '<em><b>Inputs</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT__INPUTS = 3;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT__PARAMETERS = 4;

	/**
	 * The number of structural features of the '<em>Component</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Component</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.ScheduleImpl <em>Schedule</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.ScheduleImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getSchedule()
	 * @generated
	 */
	int SCHEDULE = 11;

	/**
	 * The feature id for the '<em><b>Cron</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SCHEDULE__CRON = 0;

	/**
	 * The feature id for the '<em><b>Interval</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SCHEDULE__INTERVAL = 1;

	/**
	 * The number of structural features of the '<em>Schedule</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SCHEDULE_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Schedule</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SCHEDULE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.CodeReferenceImpl <em>Code Reference</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.CodeReferenceImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getCodeReference()
	 * @generated
	 */
	int CODE_REFERENCE = 12;

	/**
	 * The feature id for the '<em><b>Uri</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CODE_REFERENCE__URI = 0;

	/**
	 * The feature id for the '<em><b>Commit</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CODE_REFERENCE__COMMIT = 1;

	/**
	 * The feature id for the '<em><b>Digest</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CODE_REFERENCE__DIGEST = 2;

	/**
	 * The feature id for the '<em><b>Entry Point</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CODE_REFERENCE__ENTRY_POINT = 3;

	/**
	 * The number of structural features of the '<em>Code Reference</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CODE_REFERENCE_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Code Reference</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CODE_REFERENCE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.ModelReferenceImpl <em>Model Reference</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.ModelReferenceImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getModelReference()
	 * @generated
	 */
	int MODEL_REFERENCE = 13;

	/**
	 * The feature id for the '<em><b>Uri</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REFERENCE__URI = 0;

	/**
	 * The feature id for the '<em><b>Digest</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REFERENCE__DIGEST = 1;

	/**
	 * The feature id for the '<em><b>Format</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REFERENCE__FORMAT = 2;

	/**
	 * The number of structural features of the '<em>Model Reference</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REFERENCE_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Model Reference</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MODEL_REFERENCE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.impl.ParameterImpl <em>Parameter</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.impl.ParameterImpl
	 * @see org.iongov.model.impl.IonPackageImpl#getParameter()
	 * @generated
	 */
	int PARAMETER = 14;

	/**
	 * The feature id for the '<em><b>Key</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER__KEY = 0;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER__VALUE = 1;

	/**
	 * The feature id for the '<em><b>Type</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER__TYPE = 2;

	/**
	 * The number of structural features of the '<em>Parameter</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Parameter</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PARAMETER_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.iongov.model.PipelineRole <em>Pipeline Role</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.PipelineRole
	 * @see org.iongov.model.impl.IonPackageImpl#getPipelineRole()
	 * @generated
	 */
	int PIPELINE_ROLE = 15;

	/**
	 * The meta object id for the '{@link org.iongov.model.Engine <em>Engine</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.Engine
	 * @see org.iongov.model.impl.IonPackageImpl#getEngine()
	 * @generated
	 */
	int ENGINE = 16;

	/**
	 * The meta object id for the '{@link org.iongov.model.ExecutionMode <em>Execution Mode</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.ExecutionMode
	 * @see org.iongov.model.impl.IonPackageImpl#getExecutionMode()
	 * @generated
	 */
	int EXECUTION_MODE = 17;

	/**
	 * The meta object id for the '{@link org.iongov.model.MessageType <em>Message Type</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.MessageType
	 * @see org.iongov.model.impl.IonPackageImpl#getMessageType()
	 * @generated
	 */
	int MESSAGE_TYPE = 18;

	/**
	 * The meta object id for the '{@link org.iongov.model.ComponentKind <em>Component Kind</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.ComponentKind
	 * @see org.iongov.model.impl.IonPackageImpl#getComponentKind()
	 * @generated
	 */
	int COMPONENT_KIND = 19;

	/**
	 * The meta object id for the '{@link org.iongov.model.Comparison <em>Comparison</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.Comparison
	 * @see org.iongov.model.impl.IonPackageImpl#getComparison()
	 * @generated
	 */
	int COMPARISON = 20;

	/**
	 * The meta object id for the '{@link org.iongov.model.ParameterType <em>Parameter Type</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.iongov.model.ParameterType
	 * @see org.iongov.model.impl.IonPackageImpl#getParameterType()
	 * @generated
	 */
	int PARAMETER_TYPE = 21;


	/**
	 * Returns the meta object for class '{@link org.iongov.model.Ion <em>Ion</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Ion</em>'.
	 * @see org.iongov.model.Ion
	 * @generated
	 */
	EClass getIon();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Ion#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.iongov.model.Ion#getName()
	 * @see #getIon()
	 * @generated
	 */
	EAttribute getIon_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Ion#getVersion <em>Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Version</em>'.
	 * @see org.iongov.model.Ion#getVersion()
	 * @see #getIon()
	 * @generated
	 */
	EAttribute getIon_Version();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Ion#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see org.iongov.model.Ion#getDescription()
	 * @see #getIon()
	 * @generated
	 */
	EAttribute getIon_Description();

	/**
	 * Returns the meta object for the containment reference list '{@link org.iongov.model.Ion#getNodes <em>Nodes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Nodes</em>'.
	 * @see org.iongov.model.Ion#getNodes()
	 * @see #getIon()
	 * @generated
	 */
	EReference getIon_Nodes();

	/**
	 * Returns the meta object for the containment reference list '{@link org.iongov.model.Ion#getChannels <em>Channels</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Channels</em>'.
	 * @see org.iongov.model.Ion#getChannels()
	 * @see #getIon()
	 * @generated
	 */
	EReference getIon_Channels();

	/**
	 * Returns the meta object for the '{@link org.iongov.model.Ion#findNode(java.lang.String) <em>Find Node</em>}' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the '<em>Find Node</em>' operation.
	 * @see org.iongov.model.Ion#findNode(java.lang.String)
	 * @generated
	 */
	EOperation getIon__FindNode__String();

	/**
	 * Returns the meta object for the '{@link org.iongov.model.Ion#findChannel(java.lang.String) <em>Find Channel</em>}' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the '<em>Find Channel</em>' operation.
	 * @see org.iongov.model.Ion#findChannel(java.lang.String)
	 * @generated
	 */
	EOperation getIon__FindChannel__String();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.Node <em>Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Node</em>'.
	 * @see org.iongov.model.Node
	 * @generated
	 */
	EClass getNode();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Node#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.iongov.model.Node#getName()
	 * @see #getNode()
	 * @generated
	 */
	EAttribute getNode_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Node#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see org.iongov.model.Node#getDescription()
	 * @see #getNode()
	 * @generated
	 */
	EAttribute getNode_Description();

	/**
	 * Returns the meta object for the '{@link org.iongov.model.Node#incomingChannels() <em>Incoming Channels</em>}' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the '<em>Incoming Channels</em>' operation.
	 * @see org.iongov.model.Node#incomingChannels()
	 * @generated
	 */
	EOperation getNode__IncomingChannels();

	/**
	 * Returns the meta object for the '{@link org.iongov.model.Node#outgoingChannels() <em>Outgoing Channels</em>}' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the '<em>Outgoing Channels</em>' operation.
	 * @see org.iongov.model.Node#outgoingChannels()
	 * @generated
	 */
	EOperation getNode__OutgoingChannels();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.PipelineNode <em>Pipeline Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Pipeline Node</em>'.
	 * @see org.iongov.model.PipelineNode
	 * @generated
	 */
	EClass getPipelineNode();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.PipelineNode#getRole <em>Role</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Role</em>'.
	 * @see org.iongov.model.PipelineNode#getRole()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EAttribute getPipelineNode_Role();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.PipelineNode#getEngine <em>Engine</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Engine</em>'.
	 * @see org.iongov.model.PipelineNode#getEngine()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EAttribute getPipelineNode_Engine();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.PipelineNode#getMode <em>Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mode</em>'.
	 * @see org.iongov.model.PipelineNode#getMode()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EAttribute getPipelineNode_Mode();

	/**
	 * Returns the meta object for the containment reference '{@link org.iongov.model.PipelineNode#getSchedule <em>Schedule</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Schedule</em>'.
	 * @see org.iongov.model.PipelineNode#getSchedule()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EReference getPipelineNode_Schedule();

	/**
	 * Returns the meta object for the containment reference '{@link org.iongov.model.PipelineNode#getCode <em>Code</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Code</em>'.
	 * @see org.iongov.model.PipelineNode#getCode()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EReference getPipelineNode_Code();

	/**
	 * Returns the meta object for the containment reference '{@link org.iongov.model.PipelineNode#getModel <em>Model</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Model</em>'.
	 * @see org.iongov.model.PipelineNode#getModel()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EReference getPipelineNode_Model();

	/**
	 * Returns the meta object for the containment reference list '{@link org.iongov.model.PipelineNode#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Parameters</em>'.
	 * @see org.iongov.model.PipelineNode#getParameters()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EReference getPipelineNode_Parameters();

	/**
	 * Returns the meta object for the containment reference list '{@link org.iongov.model.PipelineNode#getComponents <em>Components</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Components</em>'.
	 * @see org.iongov.model.PipelineNode#getComponents()
	 * @see #getPipelineNode()
	 * @generated
	 */
	EReference getPipelineNode_Components();

	/**
	 * Returns the meta object for the '{@link org.iongov.model.PipelineNode#findComponent(java.lang.String) <em>Find Component</em>}' operation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the '<em>Find Component</em>' operation.
	 * @see org.iongov.model.PipelineNode#findComponent(java.lang.String)
	 * @generated
	 */
	EOperation getPipelineNode__FindComponent__String();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.PolicyNode <em>Policy Node</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Policy Node</em>'.
	 * @see org.iongov.model.PolicyNode
	 * @generated
	 */
	EClass getPolicyNode();

	/**
	 * Returns the meta object for the containment reference '{@link org.iongov.model.PolicyNode#getPolicy <em>Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Policy</em>'.
	 * @see org.iongov.model.PolicyNode#getPolicy()
	 * @see #getPolicyNode()
	 * @generated
	 */
	EReference getPolicyNode_Policy();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.Policy <em>Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Policy</em>'.
	 * @see org.iongov.model.Policy
	 * @generated
	 */
	EClass getPolicy();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.AutomaticApproval <em>Automatic Approval</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Automatic Approval</em>'.
	 * @see org.iongov.model.AutomaticApproval
	 * @generated
	 */
	EClass getAutomaticApproval();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.ThresholdCheck <em>Threshold Check</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Threshold Check</em>'.
	 * @see org.iongov.model.ThresholdCheck
	 * @generated
	 */
	EClass getThresholdCheck();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.ThresholdCheck#getStatistic <em>Statistic</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Statistic</em>'.
	 * @see org.iongov.model.ThresholdCheck#getStatistic()
	 * @see #getThresholdCheck()
	 * @generated
	 */
	EAttribute getThresholdCheck_Statistic();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.ThresholdCheck#getComparison <em>Comparison</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Comparison</em>'.
	 * @see org.iongov.model.ThresholdCheck#getComparison()
	 * @see #getThresholdCheck()
	 * @generated
	 */
	EAttribute getThresholdCheck_Comparison();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.ThresholdCheck#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see org.iongov.model.ThresholdCheck#getValue()
	 * @see #getThresholdCheck()
	 * @generated
	 */
	EAttribute getThresholdCheck_Value();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.HumanApproval <em>Human Approval</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Human Approval</em>'.
	 * @see org.iongov.model.HumanApproval
	 * @generated
	 */
	EClass getHumanApproval();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.HumanApproval#getApproverRole <em>Approver Role</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Approver Role</em>'.
	 * @see org.iongov.model.HumanApproval#getApproverRole()
	 * @see #getHumanApproval()
	 * @generated
	 */
	EAttribute getHumanApproval_ApproverRole();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.HumanApproval#getApprovalsRequired <em>Approvals Required</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Approvals Required</em>'.
	 * @see org.iongov.model.HumanApproval#getApprovalsRequired()
	 * @see #getHumanApproval()
	 * @generated
	 */
	EAttribute getHumanApproval_ApprovalsRequired();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.HumanApproval#isSeparationOfDuties <em>Separation Of Duties</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Separation Of Duties</em>'.
	 * @see org.iongov.model.HumanApproval#isSeparationOfDuties()
	 * @see #getHumanApproval()
	 * @generated
	 */
	EAttribute getHumanApproval_SeparationOfDuties();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.CustomPolicy <em>Custom Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Custom Policy</em>'.
	 * @see org.iongov.model.CustomPolicy
	 * @generated
	 */
	EClass getCustomPolicy();

	/**
	 * Returns the meta object for the containment reference '{@link org.iongov.model.CustomPolicy#getCode <em>Code</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Code</em>'.
	 * @see org.iongov.model.CustomPolicy#getCode()
	 * @see #getCustomPolicy()
	 * @generated
	 */
	EReference getCustomPolicy_Code();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.Channel <em>Channel</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Channel</em>'.
	 * @see org.iongov.model.Channel
	 * @generated
	 */
	EClass getChannel();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Channel#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.iongov.model.Channel#getName()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Channel#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see org.iongov.model.Channel#getDescription()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Description();

	/**
	 * Returns the meta object for the reference '{@link org.iongov.model.Channel#getFrom <em>From</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>From</em>'.
	 * @see org.iongov.model.Channel#getFrom()
	 * @see #getChannel()
	 * @generated
	 */
	EReference getChannel_From();

	/**
	 * Returns the meta object for the reference '{@link org.iongov.model.Channel#getTo <em>To</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>To</em>'.
	 * @see org.iongov.model.Channel#getTo()
	 * @see #getChannel()
	 * @generated
	 */
	EReference getChannel_To();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Channel#getMessage <em>Message</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Message</em>'.
	 * @see org.iongov.model.Channel#getMessage()
	 * @see #getChannel()
	 * @generated
	 */
	EAttribute getChannel_Message();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.Component <em>Component</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Component</em>'.
	 * @see org.iongov.model.Component
	 * @generated
	 */
	EClass getComponent();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Component#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.iongov.model.Component#getName()
	 * @see #getComponent()
	 * @generated
	 */
	EAttribute getComponent_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Component#getKind <em>Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Kind</em>'.
	 * @see org.iongov.model.Component#getKind()
	 * @see #getComponent()
	 * @generated
	 */
	EAttribute getComponent_Kind();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Component#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see org.iongov.model.Component#getDescription()
	 * @see #getComponent()
	 * @generated
	 */
	EAttribute getComponent_Description();

	/**
	 * Returns the meta object for the reference list '{@link org.iongov.model.Component#getInputs <em>Inputs</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Inputs</em>'.
	 * @see org.iongov.model.Component#getInputs()
	 * @see #getComponent()
	 * @generated
	 */
	EReference getComponent_Inputs();

	/**
	 * Returns the meta object for the containment reference list '{@link org.iongov.model.Component#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Parameters</em>'.
	 * @see org.iongov.model.Component#getParameters()
	 * @see #getComponent()
	 * @generated
	 */
	EReference getComponent_Parameters();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.Schedule <em>Schedule</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Schedule</em>'.
	 * @see org.iongov.model.Schedule
	 * @generated
	 */
	EClass getSchedule();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Schedule#getCron <em>Cron</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Cron</em>'.
	 * @see org.iongov.model.Schedule#getCron()
	 * @see #getSchedule()
	 * @generated
	 */
	EAttribute getSchedule_Cron();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Schedule#getInterval <em>Interval</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Interval</em>'.
	 * @see org.iongov.model.Schedule#getInterval()
	 * @see #getSchedule()
	 * @generated
	 */
	EAttribute getSchedule_Interval();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.CodeReference <em>Code Reference</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Code Reference</em>'.
	 * @see org.iongov.model.CodeReference
	 * @generated
	 */
	EClass getCodeReference();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.CodeReference#getUri <em>Uri</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Uri</em>'.
	 * @see org.iongov.model.CodeReference#getUri()
	 * @see #getCodeReference()
	 * @generated
	 */
	EAttribute getCodeReference_Uri();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.CodeReference#getCommit <em>Commit</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Commit</em>'.
	 * @see org.iongov.model.CodeReference#getCommit()
	 * @see #getCodeReference()
	 * @generated
	 */
	EAttribute getCodeReference_Commit();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.CodeReference#getDigest <em>Digest</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Digest</em>'.
	 * @see org.iongov.model.CodeReference#getDigest()
	 * @see #getCodeReference()
	 * @generated
	 */
	EAttribute getCodeReference_Digest();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.CodeReference#getEntryPoint <em>Entry Point</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Entry Point</em>'.
	 * @see org.iongov.model.CodeReference#getEntryPoint()
	 * @see #getCodeReference()
	 * @generated
	 */
	EAttribute getCodeReference_EntryPoint();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.ModelReference <em>Model Reference</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Model Reference</em>'.
	 * @see org.iongov.model.ModelReference
	 * @generated
	 */
	EClass getModelReference();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.ModelReference#getUri <em>Uri</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Uri</em>'.
	 * @see org.iongov.model.ModelReference#getUri()
	 * @see #getModelReference()
	 * @generated
	 */
	EAttribute getModelReference_Uri();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.ModelReference#getDigest <em>Digest</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Digest</em>'.
	 * @see org.iongov.model.ModelReference#getDigest()
	 * @see #getModelReference()
	 * @generated
	 */
	EAttribute getModelReference_Digest();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.ModelReference#getFormat <em>Format</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Format</em>'.
	 * @see org.iongov.model.ModelReference#getFormat()
	 * @see #getModelReference()
	 * @generated
	 */
	EAttribute getModelReference_Format();

	/**
	 * Returns the meta object for class '{@link org.iongov.model.Parameter <em>Parameter</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Parameter</em>'.
	 * @see org.iongov.model.Parameter
	 * @generated
	 */
	EClass getParameter();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Parameter#getKey <em>Key</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Key</em>'.
	 * @see org.iongov.model.Parameter#getKey()
	 * @see #getParameter()
	 * @generated
	 */
	EAttribute getParameter_Key();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Parameter#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see org.iongov.model.Parameter#getValue()
	 * @see #getParameter()
	 * @generated
	 */
	EAttribute getParameter_Value();

	/**
	 * Returns the meta object for the attribute '{@link org.iongov.model.Parameter#getType <em>Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Type</em>'.
	 * @see org.iongov.model.Parameter#getType()
	 * @see #getParameter()
	 * @generated
	 */
	EAttribute getParameter_Type();

	/**
	 * Returns the meta object for enum '{@link org.iongov.model.PipelineRole <em>Pipeline Role</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Pipeline Role</em>'.
	 * @see org.iongov.model.PipelineRole
	 * @generated
	 */
	EEnum getPipelineRole();

	/**
	 * Returns the meta object for enum '{@link org.iongov.model.Engine <em>Engine</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Engine</em>'.
	 * @see org.iongov.model.Engine
	 * @generated
	 */
	EEnum getEngine();

	/**
	 * Returns the meta object for enum '{@link org.iongov.model.ExecutionMode <em>Execution Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Execution Mode</em>'.
	 * @see org.iongov.model.ExecutionMode
	 * @generated
	 */
	EEnum getExecutionMode();

	/**
	 * Returns the meta object for enum '{@link org.iongov.model.MessageType <em>Message Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Message Type</em>'.
	 * @see org.iongov.model.MessageType
	 * @generated
	 */
	EEnum getMessageType();

	/**
	 * Returns the meta object for enum '{@link org.iongov.model.ComponentKind <em>Component Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Component Kind</em>'.
	 * @see org.iongov.model.ComponentKind
	 * @generated
	 */
	EEnum getComponentKind();

	/**
	 * Returns the meta object for enum '{@link org.iongov.model.Comparison <em>Comparison</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Comparison</em>'.
	 * @see org.iongov.model.Comparison
	 * @generated
	 */
	EEnum getComparison();

	/**
	 * Returns the meta object for enum '{@link org.iongov.model.ParameterType <em>Parameter Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Parameter Type</em>'.
	 * @see org.iongov.model.ParameterType
	 * @generated
	 */
	EEnum getParameterType();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	IonFactory getIonFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals
	{
		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.IonImpl <em>Ion</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.IonImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getIon()
		 * @generated
		 */
		EClass ION = eINSTANCE.getIon();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ION__NAME = eINSTANCE.getIon_Name();

		/**
		 * The meta object literal for the '<em><b>Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ION__VERSION = eINSTANCE.getIon_Version();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ION__DESCRIPTION = eINSTANCE.getIon_Description();

		/**
		 * The meta object literal for the '<em><b>Nodes</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ION__NODES = eINSTANCE.getIon_Nodes();

		/**
		 * The meta object literal for the '<em><b>Channels</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ION__CHANNELS = eINSTANCE.getIon_Channels();

		/**
		 * The meta object literal for the '<em><b>Find Node</b></em>' operation.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EOperation ION___FIND_NODE__STRING = eINSTANCE.getIon__FindNode__String();

		/**
		 * The meta object literal for the '<em><b>Find Channel</b></em>' operation.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EOperation ION___FIND_CHANNEL__STRING = eINSTANCE.getIon__FindChannel__String();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.NodeImpl <em>Node</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.NodeImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getNode()
		 * @generated
		 */
		EClass NODE = eINSTANCE.getNode();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NODE__NAME = eINSTANCE.getNode_Name();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NODE__DESCRIPTION = eINSTANCE.getNode_Description();

		/**
		 * The meta object literal for the '<em><b>Incoming Channels</b></em>' operation.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EOperation NODE___INCOMING_CHANNELS = eINSTANCE.getNode__IncomingChannels();

		/**
		 * The meta object literal for the '<em><b>Outgoing Channels</b></em>' operation.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EOperation NODE___OUTGOING_CHANNELS = eINSTANCE.getNode__OutgoingChannels();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.PipelineNodeImpl <em>Pipeline Node</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.PipelineNodeImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getPipelineNode()
		 * @generated
		 */
		EClass PIPELINE_NODE = eINSTANCE.getPipelineNode();

		/**
		 * The meta object literal for the '<em><b>Role</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE_NODE__ROLE = eINSTANCE.getPipelineNode_Role();

		/**
		 * The meta object literal for the '<em><b>Engine</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE_NODE__ENGINE = eINSTANCE.getPipelineNode_Engine();

		/**
		 * The meta object literal for the '<em><b>Mode</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PIPELINE_NODE__MODE = eINSTANCE.getPipelineNode_Mode();

		/**
		 * The meta object literal for the '<em><b>Schedule</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE_NODE__SCHEDULE = eINSTANCE.getPipelineNode_Schedule();

		/**
		 * The meta object literal for the '<em><b>Code</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE_NODE__CODE = eINSTANCE.getPipelineNode_Code();

		/**
		 * The meta object literal for the '<em><b>Model</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE_NODE__MODEL = eINSTANCE.getPipelineNode_Model();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE_NODE__PARAMETERS = eINSTANCE.getPipelineNode_Parameters();

		/**
		 * The meta object literal for the '<em><b>Components</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PIPELINE_NODE__COMPONENTS = eINSTANCE.getPipelineNode_Components();

		/**
		 * The meta object literal for the '<em><b>Find Component</b></em>' operation.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EOperation PIPELINE_NODE___FIND_COMPONENT__STRING = eINSTANCE.getPipelineNode__FindComponent__String();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.PolicyNodeImpl <em>Policy Node</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.PolicyNodeImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getPolicyNode()
		 * @generated
		 */
		EClass POLICY_NODE = eINSTANCE.getPolicyNode();

		/**
		 * The meta object literal for the '<em><b>Policy</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference POLICY_NODE__POLICY = eINSTANCE.getPolicyNode_Policy();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.PolicyImpl <em>Policy</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.PolicyImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getPolicy()
		 * @generated
		 */
		EClass POLICY = eINSTANCE.getPolicy();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.AutomaticApprovalImpl <em>Automatic Approval</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.AutomaticApprovalImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getAutomaticApproval()
		 * @generated
		 */
		EClass AUTOMATIC_APPROVAL = eINSTANCE.getAutomaticApproval();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.ThresholdCheckImpl <em>Threshold Check</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.ThresholdCheckImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getThresholdCheck()
		 * @generated
		 */
		EClass THRESHOLD_CHECK = eINSTANCE.getThresholdCheck();

		/**
		 * The meta object literal for the '<em><b>Statistic</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute THRESHOLD_CHECK__STATISTIC = eINSTANCE.getThresholdCheck_Statistic();

		/**
		 * The meta object literal for the '<em><b>Comparison</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute THRESHOLD_CHECK__COMPARISON = eINSTANCE.getThresholdCheck_Comparison();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute THRESHOLD_CHECK__VALUE = eINSTANCE.getThresholdCheck_Value();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.HumanApprovalImpl <em>Human Approval</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.HumanApprovalImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getHumanApproval()
		 * @generated
		 */
		EClass HUMAN_APPROVAL = eINSTANCE.getHumanApproval();

		/**
		 * The meta object literal for the '<em><b>Approver Role</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HUMAN_APPROVAL__APPROVER_ROLE = eINSTANCE.getHumanApproval_ApproverRole();

		/**
		 * The meta object literal for the '<em><b>Approvals Required</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HUMAN_APPROVAL__APPROVALS_REQUIRED = eINSTANCE.getHumanApproval_ApprovalsRequired();

		/**
		 * The meta object literal for the '<em><b>Separation Of Duties</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HUMAN_APPROVAL__SEPARATION_OF_DUTIES = eINSTANCE.getHumanApproval_SeparationOfDuties();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.CustomPolicyImpl <em>Custom Policy</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.CustomPolicyImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getCustomPolicy()
		 * @generated
		 */
		EClass CUSTOM_POLICY = eINSTANCE.getCustomPolicy();

		/**
		 * The meta object literal for the '<em><b>Code</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CUSTOM_POLICY__CODE = eINSTANCE.getCustomPolicy_Code();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.ChannelImpl <em>Channel</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.ChannelImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getChannel()
		 * @generated
		 */
		EClass CHANNEL = eINSTANCE.getChannel();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__NAME = eINSTANCE.getChannel_Name();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__DESCRIPTION = eINSTANCE.getChannel_Description();

		/**
		 * The meta object literal for the '<em><b>From</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CHANNEL__FROM = eINSTANCE.getChannel_From();

		/**
		 * The meta object literal for the '<em><b>To</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CHANNEL__TO = eINSTANCE.getChannel_To();

		/**
		 * The meta object literal for the '<em><b>Message</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHANNEL__MESSAGE = eINSTANCE.getChannel_Message();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.ComponentImpl <em>Component</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.ComponentImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getComponent()
		 * @generated
		 */
		EClass COMPONENT = eINSTANCE.getComponent();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute COMPONENT__NAME = eINSTANCE.getComponent_Name();

		/**
		 * The meta object literal for the '<em><b>Kind</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute COMPONENT__KIND = eINSTANCE.getComponent_Kind();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute COMPONENT__DESCRIPTION = eINSTANCE.getComponent_Description();

		/**
		 * The meta object literal for the '<em><b>Inputs</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference COMPONENT__INPUTS = eINSTANCE.getComponent_Inputs();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference COMPONENT__PARAMETERS = eINSTANCE.getComponent_Parameters();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.ScheduleImpl <em>Schedule</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.ScheduleImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getSchedule()
		 * @generated
		 */
		EClass SCHEDULE = eINSTANCE.getSchedule();

		/**
		 * The meta object literal for the '<em><b>Cron</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SCHEDULE__CRON = eINSTANCE.getSchedule_Cron();

		/**
		 * The meta object literal for the '<em><b>Interval</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SCHEDULE__INTERVAL = eINSTANCE.getSchedule_Interval();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.CodeReferenceImpl <em>Code Reference</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.CodeReferenceImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getCodeReference()
		 * @generated
		 */
		EClass CODE_REFERENCE = eINSTANCE.getCodeReference();

		/**
		 * The meta object literal for the '<em><b>Uri</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CODE_REFERENCE__URI = eINSTANCE.getCodeReference_Uri();

		/**
		 * The meta object literal for the '<em><b>Commit</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CODE_REFERENCE__COMMIT = eINSTANCE.getCodeReference_Commit();

		/**
		 * The meta object literal for the '<em><b>Digest</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CODE_REFERENCE__DIGEST = eINSTANCE.getCodeReference_Digest();

		/**
		 * The meta object literal for the '<em><b>Entry Point</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CODE_REFERENCE__ENTRY_POINT = eINSTANCE.getCodeReference_EntryPoint();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.ModelReferenceImpl <em>Model Reference</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.ModelReferenceImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getModelReference()
		 * @generated
		 */
		EClass MODEL_REFERENCE = eINSTANCE.getModelReference();

		/**
		 * The meta object literal for the '<em><b>Uri</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REFERENCE__URI = eINSTANCE.getModelReference_Uri();

		/**
		 * The meta object literal for the '<em><b>Digest</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REFERENCE__DIGEST = eINSTANCE.getModelReference_Digest();

		/**
		 * The meta object literal for the '<em><b>Format</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MODEL_REFERENCE__FORMAT = eINSTANCE.getModelReference_Format();

		/**
		 * The meta object literal for the '{@link org.iongov.model.impl.ParameterImpl <em>Parameter</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.impl.ParameterImpl
		 * @see org.iongov.model.impl.IonPackageImpl#getParameter()
		 * @generated
		 */
		EClass PARAMETER = eINSTANCE.getParameter();

		/**
		 * The meta object literal for the '<em><b>Key</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PARAMETER__KEY = eINSTANCE.getParameter_Key();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PARAMETER__VALUE = eINSTANCE.getParameter_Value();

		/**
		 * The meta object literal for the '<em><b>Type</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PARAMETER__TYPE = eINSTANCE.getParameter_Type();

		/**
		 * The meta object literal for the '{@link org.iongov.model.PipelineRole <em>Pipeline Role</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.PipelineRole
		 * @see org.iongov.model.impl.IonPackageImpl#getPipelineRole()
		 * @generated
		 */
		EEnum PIPELINE_ROLE = eINSTANCE.getPipelineRole();

		/**
		 * The meta object literal for the '{@link org.iongov.model.Engine <em>Engine</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.Engine
		 * @see org.iongov.model.impl.IonPackageImpl#getEngine()
		 * @generated
		 */
		EEnum ENGINE = eINSTANCE.getEngine();

		/**
		 * The meta object literal for the '{@link org.iongov.model.ExecutionMode <em>Execution Mode</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.ExecutionMode
		 * @see org.iongov.model.impl.IonPackageImpl#getExecutionMode()
		 * @generated
		 */
		EEnum EXECUTION_MODE = eINSTANCE.getExecutionMode();

		/**
		 * The meta object literal for the '{@link org.iongov.model.MessageType <em>Message Type</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.MessageType
		 * @see org.iongov.model.impl.IonPackageImpl#getMessageType()
		 * @generated
		 */
		EEnum MESSAGE_TYPE = eINSTANCE.getMessageType();

		/**
		 * The meta object literal for the '{@link org.iongov.model.ComponentKind <em>Component Kind</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.ComponentKind
		 * @see org.iongov.model.impl.IonPackageImpl#getComponentKind()
		 * @generated
		 */
		EEnum COMPONENT_KIND = eINSTANCE.getComponentKind();

		/**
		 * The meta object literal for the '{@link org.iongov.model.Comparison <em>Comparison</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.Comparison
		 * @see org.iongov.model.impl.IonPackageImpl#getComparison()
		 * @generated
		 */
		EEnum COMPARISON = eINSTANCE.getComparison();

		/**
		 * The meta object literal for the '{@link org.iongov.model.ParameterType <em>Parameter Type</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.iongov.model.ParameterType
		 * @see org.iongov.model.impl.IonPackageImpl#getParameterType()
		 * @generated
		 */
		EEnum PARAMETER_TYPE = eINSTANCE.getParameterType();

	}

} //IonPackage
