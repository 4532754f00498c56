package org.trellis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** User text cannot start Markdown structure or HTML. */
class MarkdownTextUnitTest {

    @Test
    void escapesEveryMarkdownPunctuationCharacter() {
        assertThat(MarkdownText.inline("**bold** [x](javascript:alert(1)) <img src=x> &amp; `code`"))
                .isEqualTo("\\*\\*bold\\*\\* \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<img src\\=x\\> \\&amp\\;"
                        + " \\`code\\`");
    }

    @Test
    void keepsLineBreaksWithoutLettingALineStartABlock() {
        assertThat(MarkdownText.block("# heading\n    indented code\n- item\n1. first\n\n> quote"))
                .isEqualTo("\\# heading\\\nindented code\\\n\\- item\\\n1\\. first\n\n\\> quote");
    }

    @Test
    void inlineTextStaysOnOneLineAndDropsControlCharacters() {
        assertThat(MarkdownText.inline("a\nb\u0007c")).isEqualTo("a bc");
    }
}
