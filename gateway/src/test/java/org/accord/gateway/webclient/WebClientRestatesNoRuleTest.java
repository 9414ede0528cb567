package org.accord.gateway.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The web client shows what the services answer it may do ({@code allowedOperations}) and decides nothing itself: no
 * script of it names a role, compares a case's or an action's country with the user's, or branches on a TLP label or a
 * workflow status. Display code stays free: badges, labels and colours come from lookup tables, not conditions.
 */
class WebClientRestatesNoRuleTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/static");

    /** A comparison, a membership test or a switch case: where a script decides. */
    private static final String DECIDES = "([!=]==?|\\.includes\\(|\\bcase\\b)";
    private static final String TLP_LABEL = "['\"](CLEAR|GREEN|AMBER|AMBER_STRICT|RED)['\"]";

    /** What restating a rule looks like in a line of script, and why it is refused. */
    private record Rule(String reason, Pattern pattern) {

        static Rule of(String reason, String regex) {
            return new Rule(reason, Pattern.compile(regex));
        }
    }

    /** {@code subject} on either side of a decision in one line. */
    private static String decidedOn(String subject) {
        return subject + ".*" + DECIDES + "|" + DECIDES + ".*" + subject;
    }

    private static final List<Rule> RULES = List.of(
            Rule.of("names a role", "['\"`](officer|liaison|analyst)['\"`]"),
            Rule.of("decides by the user's roles",
                    "\\.roles\\s*\\.\\s*(includes|indexOf|some|every|find|filter)\\(|\\bis(Officer|Liaison|Analyst)\\b"),
            Rule.of("compares an originating or requesting country",
                    decidedOn("\\b(originCountry|requestingCountry)\\b")),
            Rule.of("compares with the user's country", decidedOn("\\bme\\.country\\b")),
            Rule.of("branches on a TLP label", decidedOn(TLP_LABEL) + "|\\.tlp\\b\\s*[!=]==?"),
            Rule.of("branches on a workflow status", "\\.status\\b\\s*[!=]==?\\s*['\"]"
                    + "|['\"][A-Z_]+['\"]\\s*[!=]==?\\s*[\\w.]*\\.status\\b"
                    + "|\\]\\s*\\.includes\\(\\s*[\\w.]*\\.status\\s*\\)"));

    @Test
    void noScriptOfTheWebClientRestatesAnAccessRule() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).sorted().toList()) {
                found.addAll(restatedRules(SCRIPTS.relativize(file).toString(), Files.readAllLines(file)));
            }
        }
        assertThat(found).as("rules the web client restates instead of reading allowedOperations").isEmpty();
    }

    @Test
    void theScanFindsEveryKindOfRestatedRuleAndLeavesDisplayCodeAlone() {
        List<String> restated = List.of(
                "  return this.me.roles.includes('liaison');",
                "  const officer = context.isOfficer();",
                "  const originator = theCase.originCountry === mine;",
                "  const own = action.requestingCountry !== context.me.country;",
                "  if (item.country === context.me.country) {",
                "  const open = ['CLEAR', 'GREEN'].includes(theCase.tlp);",
                "  if (theCase.tlp === 'RED') {",
                "    case 'AMBER_STRICT':",
                "  const canRedrive = ['FAILED', 'PARKED'].includes(item.status);",
                "  own && action.status === 'OPEN' ? form : null,",
                "  const editable = theCase.status !== 'CLOSED';");
        List<String> display = List.of(
                "  document.getElementById('roles').textContent = me.roles.join(', ');",
                "export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];",
                "const WRITTEN = { AMBER_STRICT: 'AMBER+STRICT' };",
                "    `TLP:${WRITTEN[tlp] || tlp}`);",
                "  return h('span', { class: ['tlp', `tlp-${String(tlp).toLowerCase()}`] }, label(tlp));",
                "    if (error.status === 404) {",
                "  const can = new Set(theCase.allowedOperations || []);",
                "    field('TLP label', tlp, 'CLEAR and GREEN: every member. RED: only the named people.'),",
                "        h('dt', {}, 'Originating country'), h('dd', {}, context.countryName(theCase.originCountry)),",
                "    settings = (await api.get(`/api/partners/${context.me.country}`, { signal })).data;");

        for (String line : restated) {
            assertThat(restatedRules("example.js", List.of(line))).as(line).hasSize(1);
        }
        for (String line : display) {
            assertThat(restatedRules("example.js", List.of(line))).as(line).isEmpty();
        }
        assertThat(restatedRules("js/views/case.js", List.of("", "  if (theCase.tlp === 'RED') {")))
                .containsExactly("js/views/case.js:2 branches on a TLP label: if (theCase.tlp === 'RED') {");
    }

    /** Each line that restates a rule, as {@code file:line reason: text}; comment lines are prose, not code. */
    private static List<String> restatedRules(String file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                continue;
            }
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(line).find()) {
                    found.add(file + ":" + (i + 1) + " " + rule.reason() + ": " + line);
                    break;
                }
            }
        }
        return found;
    }
}
