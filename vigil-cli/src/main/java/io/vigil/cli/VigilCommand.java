package io.vigil.cli;

public final class VigilCommand {
    public static void main(String[] args) {
    }
}
