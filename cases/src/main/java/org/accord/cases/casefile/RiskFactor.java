package org.accord.cases.casefile;

/**
 * The fourteen risk factors of the UN Framework of Analysis for Atrocity Crimes (2014), by their names in the
 * Framework. RF1–RF8 are common to all atrocity crimes; RF9–RF14 are specific to genocide (RF9, RF10), crimes against
 * humanity (RF11, RF12) and war crimes (RF13, RF14).
 */
public enum RiskFactor {
    RF1("Situations of armed conflict or other forms of instability"),
    RF2("Record of serious violations of international human rights and humanitarian law"),
    RF3("Weakness of State structures"),
    RF4("Motives or incentives"),
    RF5("Capacity to commit atrocity crimes"),
    RF6("Absence of mitigating factors"),
    RF7("Enabling circumstances or preparatory action"),
    RF8("Triggering factors"),
    RF9("Intergroup tensions or patterns of discrimination against protected groups"),
    RF10("Signs of an intent to destroy in whole or in part a protected group"),
    RF11("Signs of a widespread or systematic attack against any civilian population"),
    RF12("Signs of a plan or policy to attack any civilian population"),
    RF13("Serious threats to those protected under international humanitarian law"),
    RF14("Serious threats to humanitarian or peacekeeping operations");

    private final String title;

    RiskFactor(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether the factor points to one specific atrocity crime rather than to atrocity crimes in general. */
    public boolean specific() {
        return ordinal() >= RF9.ordinal();
    }
}
