package org.genrekit.models.algo;

/**
 * One parameter of an algorithm as {@code train --help} and the docs show it.
 *
 * @param name         the key of {@code --param name=value}
 * @param defaultValue its value when not given, as text
 * @param description  what it does and which values it takes
 */
public record ParamDoc(String name, String defaultValue, String description) {
}
