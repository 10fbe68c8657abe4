package org.iongov.internal.ui;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Opens model pages: one part per model, made from the application model's part descriptor and
 * placed in the main part stack; a model whose page is open already gets that page shown.
 */
public final class ModelPages {

    /** The part descriptor model pages are made from. */
    public static final String DESCRIPTOR = "org.iongov.ui.partdescriptor.model";
    /** The key of a page's model id in its part's persisted state (absent on a page that waits for a search). */
    public static final String MODEL_KEY = "org.iongov.ui.model";
    /** Where new pages go. */
    static final String STACK = "org.iongov.ui.stack.main";

    private final EPartService parts;
    private final EModelService models;
    private final MApplication application;

    public ModelPages(EPartService parts, EModelService models, MApplication application) {
        this.parts = parts;
        this.models = models;
        this.application = application;
    }

    /** Shows the model's page, opening one when none is open. */
    public MPart open(String modelId) {
        MPart existing = find(modelId);
        if (existing != null) {
            return parts.showPart(existing, PartState.ACTIVATE);
        }
        MPart part = parts.createPart(DESCRIPTOR);
        label(part, modelId);
        return place(part);
    }

    /** Shows an empty page that asks for a model id (the one already open, when there is one). */
    public MPart openSearch() {
        MPart empty = pages().stream().filter(p -> !p.getPersistedState().containsKey(MODEL_KEY)).findFirst().orElse(null);
        if (empty != null) {
            return parts.showPart(empty, PartState.ACTIVATE);
        }
        MPart part = parts.createPart(DESCRIPTOR);
        part.setLabel("Model");
        part.setTooltip("Enter a model id to see its page");
        return place(part);
    }

    /** The open page of a model, or null. */
    public MPart find(String modelId) {
        return pages().stream().filter(p -> modelId.equals(p.getPersistedState().get(MODEL_KEY))).findFirst().orElse(null);
    }

    /** Every open model page. */
    public List<MPart> pages() {
        return parts.getParts().stream().filter(p -> DESCRIPTOR.equals(p.getElementId())).toList();
    }

    /** Makes a page the model's: its label, tooltip and the model id it keeps. */
    static void label(MPart part, String modelId) {
        part.getPersistedState().put(MODEL_KEY, modelId);
        part.setLabel("Model " + (modelId.length() > 28 ? modelId.substring(0, 27) + "…" : modelId));
        part.setTooltip("The page of model " + modelId + ": its lineage, approvals, uses and metrics");
    }

    private MPart place(MPart part) {
        if (models.find(STACK, application) instanceof MPartStack stack) {
            stack.getChildren().add(part);
        }
        return parts.showPart(part, PartState.ACTIVATE);
    }
}
