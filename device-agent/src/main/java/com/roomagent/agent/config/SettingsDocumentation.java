package com.roomagent.agent.config;

/**
 * Renders {@link AgentSettings#ALL} as the Markdown table in docs/configuration.md, so the
 * documentation is produced from the one definition of each key (a test compares the two).
 */
public final class SettingsDocumentation {
    private SettingsDocumentation() {}

    /** The table, one row per setting, with its key, default, accepted values and meaning. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| key | default | accepts | environment variable | meaning |\n");
        table.append("|---|---|---|---|---|\n");
        for (Setting<?> setting : AgentSettings.ALL) {
            String accepts = setting.type().expected()
                    + (setting.minimum().isEmpty() ? "" : ", at least " + setting.minimum())
                    + (setting.maximum().isEmpty() ? "" : ", at most " + setting.maximum());
            String defaultValue = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
            table.append("| `")
                    .append(setting.key())
                    .append("` | ")
                    .append(defaultValue)
                    .append(" | ")
                    .append(accepts)
                    .append(" | `")
                    .append(setting.environmentVariable())
                    .append("` | ")
                    .append(setting.description())
                    .append(" |\n");
        }
        return table.toString();
    }
}
