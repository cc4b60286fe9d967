package dev.redline.review;

import java.util.List;

/**
 * An SSH signature ({@code ssh-keygen -Y sign}) over the review file's content with {@code "signature": null}.
 *
 * @param namespace always {@link SshSignatures#NAMESPACE}, so the signature cannot be replayed as a git commit's
 * @param armored   the armored signature, one line per element so the file stays readable
 */
public record ReviewSignature(String namespace, List<String> armored) {

    public ReviewSignature {
        armored = List.copyOf(armored);
    }

    public String armoredText() {
        return String.join("\n", armored) + "\n";
    }
}
