package io.rackscope.desktop.cli;

import picocli.CommandLine;

/** A {@code host:port} option value. */
record Listen(String host, int port) {
    static final class Converter implements CommandLine.ITypeConverter<Listen> {
        @Override
        public Listen convert(String value) {
            int colon = value.lastIndexOf(':');
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (colon < 1 || port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new Listen(value.substring(0, colon), port);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(
                        "expected HOST:PORT such as 127.0.0.1:9105, not '" + value + "'");
            }
        }
    }
}
