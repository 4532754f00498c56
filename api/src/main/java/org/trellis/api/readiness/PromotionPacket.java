package org.trellis.api.readiness;

import java.util.Locale;
import org.trellis.api.readiness.PromotionCase.FrozenCompetency;
import org.trellis.api.readiness.PromotionCase.FrozenEvidence;

/**
 * A promotion case as Markdown: the frozen verdict and, per competency, its status, the rules still unmet and every
 * piece of evidence, each linked to its page in the portal ({@code <portal>/evidence/<id>}) and to its own links.
 */
final class PromotionPacket {

    private PromotionPacket() {}

    static String markdown(PromotionCase promotion, String portalBaseUrl) {
        PromotionCase.Frozen frozen = promotion.frozen();
        StringBuilder md = new StringBuilder();
        md.append("# Promotion case: ")
                .append(escape(frozen.personName()))
                .append('\n')
                .append('\n');
        md.append("- Level: ")
                .append(escape(frozen.levelCode()))
                .append(" (")
                .append(escape(frozen.levelTitle()))
                .append(")\n");
        md.append("- Status: ").append(label(promotion.status().name())).append('\n');
        md.append("- Readiness at nomination: ")
                .append(label(frozen.verdict().name()))
                .append(", score ")
                .append(frozen.score())
                .append('\n');
        md.append("- Nominated: ").append(promotion.createdAt()).append('\n');
        if (promotion.note() != null) {
            md.append("- Note: ").append(escape(promotion.note())).append('\n');
        }
        if (promotion.decisionReason() != null) {
            md.append("- Decision: ").append(escape(promotion.decisionReason())).append('\n');
        }
        for (FrozenCompetency competency : frozen.competencies()) {
            md.append('\n')
                    .append("## ")
                    .append(escape(competency.name()))
                    .append(" — ")
                    .append(competency.status().label())
                    .append('\n')
                    .append('\n');
            competency
                    .unmet()
                    .forEach(rule ->
                            md.append("- Still needed: ").append(escape(rule)).append('\n'));
            if (competency.evidence().isEmpty()) {
                md.append("- No endorsed evidence counted.\n");
            }
            for (FrozenEvidence item : competency.evidence()) {
                md.append("- [")
                        .append(escape(item.title()))
                        .append("](")
                        .append(portalBaseUrl)
                        .append("/evidence/")
                        .append(item.id())
                        .append(") — ")
                        .append(label(item.kind().name()))
                        .append(", ")
                        .append(item.occurredOn());
                item.links()
                        .forEach(link ->
                                md.append(" <").append(link.replace(">", "%3E")).append('>'));
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String label(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Text as literal Markdown: no injected links, headings or HTML. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|<>])", "\\\\$1").replaceAll("[\\r\\n]+", " ");
    }
}
