package dev.redline.ui.dialog;

import java.nio.file.Path;
import java.util.Optional;

/** The questions view models ask the user; a fake answers them in tests. */
public interface DialogService {

    Optional<Path> chooseProjectFolder(Path initial);

    /** What to do with unsaved edits before they would be lost (closing the window, opening another project). */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    UnsavedChoice askAboutUnsaved(String what);
}
