package org.iongov.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.LineageText;
import org.iongov.core.store.GovernanceStore;

/** {@code ./iongov lineage}: why a prediction is what it is, or where a model came from. */
final class LineageVerb implements Verb {

    /** Control pipelines whose score is within this of the prediction's agree with it. */
    static final double AGREEMENT = 0.15;

    @Override
    public String name() {
        return "lineage";
    }

    @Override
    public String summary() {
        return "the recorded path to a prediction or model: models, training runs, data, approvals, deployment, canary, events";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov lineage --prediction ID | --model ID | --dataset ID | --instance ID [--at T] [--json] [store options]

                Follows the recorded messages back from a prediction: the model(s) that made it (digest,
                format), the run that trained each (code, parameters, engine, host, statistics, search),
                the datasets it read (with their content signatures), each policy step (threshold
                results, who approved, when, with which comment), the message that deployed it to the
                inference run, the control (canary) pipelines' output for the same input and whether it
                agreed, and the events of the ION instance while those models served. With --model, the
                same for one model. Find a prediction with ./iongov predictions.

                  --prediction ID   a prediction's id
                  --model ID        a model's id
                  --dataset ID      downstream instead: the models trained on the dataset, the runs that used
                                    them and how many predictions they made (the impact of a bad dataset)
                  --instance ID     what each inference and control node of the ION instance was using at
                                    --at T (ISO-8601; default now), with each model's approvals and path
                  --json            print it as JSON (documented in docs/api.md)
                """ + StoreOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Options.withStore("--prediction", "--model", "--dataset", "--instance", "--at"),
                Set.of("--json"));
        Options.noPositionals(name(), parsed);
        String prediction = parsed.option("--prediction");
        String model = parsed.option("--model");
        String dataset = parsed.option("--dataset");
        String instance = parsed.option("--instance");
        if (java.util.stream.Stream.of(prediction, model, dataset, instance).filter(o -> o != null).count() != 1) {
            throw new UsageException("lineage needs one of --prediction ID, --model ID, --dataset ID or --instance ID");
        }
        java.time.Instant given = Output.time(parsed, "--at");
        java.time.Instant at = given == null ? java.time.Instant.now() : given;
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            Lineage lineage = new Lineage(store, AGREEMENT);
            if (dataset != null) {
                var found = lineage.impactOfDataset(dataset);
                if (found.isEmpty()) {
                    err.println("iongov lineage: no dataset '" + dataset + "' is recorded");
                    return ExitCodes.FAILED;
                }
                if (parsed.flag("--json")) {
                    Output.json(out, found.get());
                } else {
                    out.print(LineageText.renderImpact(found.get()));
                }
                return ExitCodes.OK;
            }
            if (instance != null) {
                var serving = lineage.inProduction(instance, at);
                if (parsed.flag("--json")) {
                    Output.json(out, serving);
                } else {
                    out.print(LineageText.renderProduction(instance, at, serving));
                }
                return ExitCodes.OK;
            }
            if (prediction != null) {
                var found = lineage.ofPrediction(prediction);
                if (found.isEmpty()) {
                    err.println("iongov lineage: no prediction '" + prediction + "' is recorded (./iongov predictions lists them)");
                    return ExitCodes.FAILED;
                }
                if (parsed.flag("--json")) {
                    Output.json(out, found.get());
                } else {
                    out.print(LineageText.render(found.get()));
                }
            } else {
                var found = lineage.ofModel(model, null);
                if (found.isEmpty()) {
                    err.println("iongov lineage: no model '" + model + "' is recorded (./iongov models lists them)");
                    return ExitCodes.FAILED;
                }
                if (parsed.flag("--json")) {
                    Output.json(out, found.get());
                } else {
                    out.print(LineageText.renderModel(found.get()));
                }
            }
            return ExitCodes.OK;
        }
    }
}
