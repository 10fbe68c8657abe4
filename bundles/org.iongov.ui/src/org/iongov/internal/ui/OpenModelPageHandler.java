package org.iongov.internal.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** File > Open Model Page…: a model page that asks for the model's id. */
public final class OpenModelPageHandler {

    @Execute
    void execute(EPartService parts, EModelService models, MApplication application) {
        new ModelPages(parts, models, application).openSearch();
    }
}
