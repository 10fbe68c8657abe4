package org.iongov.internal.ui;

/**
 * Who uses the workbench, recorded as the actor of the decisions taken in it: {@code --user NAME}
 * among the application arguments, else the {@code iongov.user} system property, else the
 * operating system's user name; always in the operator role.
 *
 * @param name the person
 * @param role the role they decide in
 */
public record WorkbenchUser(String name, String role) {

    /** System property naming the user (used by launchers and tests). */
    public static final String USER_PROPERTY = "iongov.user";
    /** The role people decide in from the workbench. */
    public static final String ROLE = "operator";

    public static WorkbenchUser of(String[] applicationArgs) {
        String option = StoreArguments.option(applicationArgs, "--user", "a name, e.g. --user alice");
        if (option != null) {
            return new WorkbenchUser(option.strip(), ROLE);
        }
        String fromProperty = System.getProperty(USER_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return new WorkbenchUser(fromProperty.strip(), ROLE);
        }
        return new WorkbenchUser(System.getProperty("user.name", "unknown"), ROLE);
    }
}
