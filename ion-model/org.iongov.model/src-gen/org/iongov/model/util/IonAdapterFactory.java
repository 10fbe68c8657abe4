/**
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 * 
 * Generated from ion.ecore by ion-model/codegen: do not edit.
 */
package org.iongov.model.util;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.Notifier;

import org.eclipse.emf.common.notify.impl.AdapterFactoryImpl;

import org.eclipse.emf.ecore.EObject;

import org.iongov.model.*;

/**
 * <!-- begin-user-doc -->
 * The <b>Adapter Factory</b> for the model.
 * It provides an adapter <code>createXXX</code> method for each class of the model.
 * <!-- end-user-doc -->
 * @see org.iongov.model.IonPackage
 * @generated
 */
public class IonAdapterFactory extends AdapterFactoryImpl
{
	/**
	 * The cached model package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected static IonPackage modelPackage;

	/**
	 * Creates an instance of the adapter factory.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public IonAdapterFactory()
	{
		if (modelPackage == null)
		{
			modelPackage = IonPackage.eINSTANCE;
		}
	}

	/**
	 * Returns whether this factory is applicable for the type of the object.
	 * <!-- begin-user-doc -->
	 * This implementation returns <code>true</code> if the object is either the model's package or is an instance object of the model.
	 * <!-- end-user-doc -->
	 * @return whether this factory is applicable for the type of the object.
	 * @generated
	 */
	@Override
	public boolean isFactoryForType(Object object)
	{
		if (object == modelPackage)
		{
			return true;
		}
		if (object instanceof EObject)
		{
			return ((EObject)object).eClass().getEPackage() == modelPackage;
		}
		return false;
	}

	/**
	 * The switch that delegates to the <code>createXXX</code> methods.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected IonSwitch<Adapter> modelSwitch =
		new IonSwitch<Adapter>()
		{
			@Override
			public Adapter caseIon(Ion object)
			{
				return createIonAdapter();
			}
			@Override
			public Adapter caseNode(Node object)
			{
				return createNodeAdapter();
			}
			@Override
			public Adapter casePipelineNode(PipelineNode object)
			{
				return createPipelineNodeAdapter();
			}
			@Override
			public Adapter casePolicyNode(PolicyNode object)
			{
				return createPolicyNodeAdapter();
			}
			@Override
			public Adapter casePolicy(Policy object)
			{
				return createPolicyAdapter();
			}
			@Override
			public Adapter caseAutomaticApproval(AutomaticApproval object)
			{
				return createAutomaticApprovalAdapter();
			}
			@Override
			public Adapter caseThresholdCheck(ThresholdCheck object)
			{
				return createThresholdCheckAdapter();
			}
			@Override
			public Adapter caseHumanApproval(HumanApproval object)
			{
				return createHumanApprovalAdapter();
			}
			@Override
			public Adapter caseCustomPolicy(CustomPolicy object)
			{
				return createCustomPolicyAdapter();
			}
			@Override
			public Adapter caseChannel(Channel object)
			{
				return createChannelAdapter();
			}
			@Override
			public Adapter caseComponent(Component object)
			{
				return createComponentAdapter();
			}
			@Override
			public Adapter caseSchedule(Schedule object)
			{
				return createScheduleAdapter();
			}
			@Override
			public Adapter caseCodeReference(CodeReference object)
			{
				return createCodeReferenceAdapter();
			}
			@Override
			public Adapter caseModelReference(ModelReference object)
			{
				return createModelReferenceAdapter();
			}
			@Override
			public Adapter caseParameter(Parameter object)
			{
				return createParameterAdapter();
			}
			@Override
			public Adapter defaultCase(EObject object)
			{
				return createEObjectAdapter();
			}
		};

	/**
	 * Creates an adapter for the <code>target</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param target the object to adapt.
	 * @return the adapter for the <code>target</code>.
	 * @generated
	 */
	@Override
	public Adapter createAdapter(Notifier target)
	{
		return modelSwitch.doSwitch((EObject)target);
	}


	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.Ion <em>Ion</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.Ion
	 * @generated
	 */
	public Adapter createIonAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.Node <em>Node</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.Node
	 * @generated
	 */
	public Adapter createNodeAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.PipelineNode <em>Pipeline Node</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.PipelineNode
	 * @generated
	 */
	public Adapter createPipelineNodeAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.PolicyNode <em>Policy Node</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.PolicyNode
	 * @generated
	 */
	public Adapter createPolicyNodeAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.Policy <em>Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.Policy
	 * @generated
	 */
	public Adapter createPolicyAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.AutomaticApproval <em>Automatic Approval</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.AutomaticApproval
	 * @generated
	 */
	public Adapter createAutomaticApprovalAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.ThresholdCheck <em>Threshold Check</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.ThresholdCheck
	 * @generated
	 */
	public Adapter createThresholdCheckAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.HumanApproval <em>Human Approval</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.HumanApproval
	 * @generated
	 */
	public Adapter createHumanApprovalAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.CustomPolicy <em>Custom Policy</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.CustomPolicy
	 * @generated
	 */
	public Adapter createCustomPolicyAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.Channel <em>Channel</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.Channel
	 * @generated
	 */
	public Adapter createChannelAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.Component <em>Component</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.Component
	 * @generated
	 */
	public Adapter createComponentAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.Schedule <em>Schedule</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.Schedule
	 * @generated
	 */
	public Adapter createScheduleAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.CodeReference <em>Code Reference</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.CodeReference
	 * @generated
	 */
	public Adapter createCodeReferenceAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.ModelReference <em>Model Reference</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.ModelReference
	 * @generated
	 */
	public Adapter createModelReferenceAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for an object of class '{@link org.iongov.model.Parameter <em>Parameter</em>}'.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null so that we can easily ignore cases;
	 * it's useful to ignore a case when inheritance will catch all the cases anyway.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @see org.iongov.model.Parameter
	 * @generated
	 */
	public Adapter createParameterAdapter()
	{
		return null;
	}

	/**
	 * Creates a new adapter for the default case.
	 * <!-- begin-user-doc -->
	 * This default implementation returns null.
	 * <!-- end-user-doc -->
	 * @return the new adapter.
	 * @generated
	 */
	public Adapter createEObjectAdapter()
	{
		return null;
	}

} //IonAdapterFactory
