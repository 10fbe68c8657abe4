/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.model.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.iongov.model.Component;
import org.iongov.model.Ion;
import org.iongov.model.IonFactory;
import org.iongov.model.PipelineNode;
import org.iongov.model.TestFiles;
import org.iongov.model.json.IonJson;
import org.junit.jupiter.api.Test;

class IonSummaryTest {

	@Test
	void describesNodesChannelsAndComponentGraphs() throws Exception {
		Ion ion = IonJson.parse(Files.readString(TestFiles.sample("c-")));
		assertEquals("""
				ION test-recommendation-approved-retraining, version 1.0
				  Figure 1(c): retraining with a human-approval policy before deployment. Two clinical leads must approve each retrained model; input drift seen by the inference pipeline also triggers retraining.

				Nodes (3):
				  train-recommender  pipeline  training   spark  batch      cron '0 2 * * *'
				  clinical-approval  policy    human-approval: 2 approvals by clinical-lead, separation of duties
				  recommend-tests    pipeline  inference  flink  streaming

				Channels (3):
				  candidate-model:  train-recommender -> clinical-approval (model)
				  approved-model:   clinical-approval -> recommend-tests (model)
				  input-drift:      recommend-tests -> train-recommender (event)

				Components of train-recommender:
				  read-history             (reader)
				  build-features           (feature-step)  <- read-history
				  fit-logistic-regression  (trainer)       <- build-features
				  evaluate                 (evaluator)     <- fit-logistic-regression, build-features
				  export-model             (writer)        <- fit-logistic-regression, evaluate

				Components of recommend-tests:
				  read-encounters          (reader)
				  build-features           (feature-step)  <- read-encounters
				  score                    (scorer)        <- build-features
				  publish-recommendations  (writer)        <- score
				""", IonSummary.describe(ion));
	}

	@Test
	void listsComponentsInRunOrderAndShowsWhatIsMissing() {
		Ion ion = IonFactory.eINSTANCE.createIon();
		PipelineNode pipeline = IonFactory.eINSTANCE.createPipelineNode();
		pipeline.setName("p");
		ion.getNodes().add(pipeline);
		Component write = IonFactory.eINSTANCE.createComponent();
		write.setName("write");
		Component read = IonFactory.eINSTANCE.createComponent();
		read.setName("read");
		write.getInputs().add(read);
		pipeline.getComponents().add(write);
		pipeline.getComponents().add(read);
		ion.getChannels().add(IonFactory.eINSTANCE.createChannel());
		assertEquals("""
				ION ?

				Nodes (1):
				  p  pipeline  ?  ?  ?

				Channels (1):
				  ?:  ? -> ? (?)

				Components of p:
				  read   (?)
				  write  (?)  <- read
				""", IonSummary.describe(ion));
	}

	@Test
	void saysWhenAComponentGraphIsCyclic() {
		Ion ion = IonFactory.eINSTANCE.createIon();
		PipelineNode pipeline = IonFactory.eINSTANCE.createPipelineNode();
		ion.getNodes().add(pipeline);
		Component a = IonFactory.eINSTANCE.createComponent();
		a.setName("a");
		Component b = IonFactory.eINSTANCE.createComponent();
		b.setName("b");
		a.getInputs().add(b);
		b.getInputs().add(a);
		pipeline.getComponents().add(a);
		pipeline.getComponents().add(b);
		assertTrue(IonSummary.describe(ion).endsWith("  (the component graph is cyclic)\n"));
	}
}
