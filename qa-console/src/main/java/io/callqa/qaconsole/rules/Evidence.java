package io.callqa.qaconsole.rules;

public record Evidence(double startSec, double endSec, String speaker, String words) {}
