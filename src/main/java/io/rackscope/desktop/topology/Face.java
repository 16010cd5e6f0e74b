package io.rackscope.desktop.topology;

public enum Face {
    FRONT,
    REAR;

    public static Face parse(String text) {
        return text != null && text.trim().equalsIgnoreCase("rear") ? REAR : FRONT;
    }
}
