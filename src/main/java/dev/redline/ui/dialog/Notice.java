package dev.redline.ui.dialog;

/** A message the window shows in place (a banner), rather than in a modal dialog or a stack trace. */
public record Notice(Kind kind, String text) {

    public enum Kind {
        INFO("notice-info"), WARNING("notice-warning"), ERROR("notice-error");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public static Notice info(String text) {
        return new Notice(Kind.INFO, text);
    }

    public static Notice warning(String text) {
        return new Notice(Kind.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }
}
