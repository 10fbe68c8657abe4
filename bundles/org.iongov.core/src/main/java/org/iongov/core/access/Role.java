package org.iongov.core.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Who a token belongs to, and so what it may do. */
public enum Role {
    /** An agent: writes metadata, reads what pipelines import. */
    AGENT(EnumSet.of(Permission.INGEST, Permission.READ)),
    /** Designs and uploads IONs, reads everything. */
    DATA_SCIENTIST(EnumSet.of(Permission.READ, Permission.UPLOAD_ION)),
    /** Approves and rejects models, rolls back. */
    OPERATOR(EnumSet.of(Permission.READ, Permission.DECIDE)),
    /** Reads everything and exports reports. */
    AUDITOR(EnumSet.of(Permission.READ, Permission.EXPORT)),
    /** Everything, including issuing tokens. */
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The role's name on the command line and the wire, e.g. {@code data-scientist}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Role::wireName).toList());
    }
}
