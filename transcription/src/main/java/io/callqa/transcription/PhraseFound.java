package io.callqa.transcription;

/**
 * Where a check's query matched: seconds, who said it ("agent", "customer", "mixed"), the words as said, the form
 * that matched ("exact", "stem", "sounds like", as {@link MatchTime#form()}).
 */
public record PhraseFound(double startSec, double endSec, String speaker, String words, String form) {
}
