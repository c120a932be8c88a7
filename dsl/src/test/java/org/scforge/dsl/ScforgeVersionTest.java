package org.scforge.dsl;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

/** The version scforge reports is the Maven project's, not a copy that can drift from it. */
class ScforgeVersionTest {

    @Test
    void theVersionIsTheProjectVersionOfThePom() throws Exception {
        // surefire runs in the module folder; the module's parent version is the project version
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"))
                .getDocumentElement();
        Element parent = (Element) project.getElementsByTagName("parent").item(0);
        String version = parent.getElementsByTagName("version").item(0).getTextContent().strip();
        assertThat(ScforgeVersion.NUMBER).isEqualTo(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
