package org.iongov.agent.api.spi;

import org.iongov.agent.api.DeliveredModel;

/** Receives each approved model delivered on a subscribed channel, on an agent thread. */
@FunctionalInterface
public interface ModelListener {

    void delivered(DeliveredModel model);
}
