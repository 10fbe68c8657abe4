/**
 * The governance store API: opening a store and reading and writing what it keeps.
 */
package org.iongov.core.store;
