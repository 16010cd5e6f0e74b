package io.rackscope.desktop.importing;

import io.rackscope.desktop.topology.Face;

/**
 * One device of an import, where it goes: its site, room, aisle and rack (ids), lowest U and face,
 * its template, id, name and nodes as typed ({@code cn001}, {@code cn[001-004]}, {@code a;b}), and
 * the line of the file it came from.
 */
public record DeviceRow(
        int line,
        String site,
        String room,
        String aisle,
        String rack,
        int u,
        Face face,
        String template,
        String id,
        String name,
        String instance) {}
