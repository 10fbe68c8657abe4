/** Editing an ION as the designer does: palette templates, commands with undo/redo, validation markers, JSON. */
package org.iongov.model.edit;
