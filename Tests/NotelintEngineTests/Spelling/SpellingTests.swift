import Testing

/// Groups every tag-spelling suite, so that `swift test --filter Spelling` runs them all.
@Suite("Spelling") enum SpellingTests {}
