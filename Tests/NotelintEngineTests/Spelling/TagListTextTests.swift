import Testing

@testable import NotelintEngine
@testable import NotelintSpelling

extension SpellingTests {
    @Suite("Vocabulary, replacement and word list files")
    struct TagListTextTests {
        @Test func vocabularySkipsBlankLinesAndComments() {
            let text = """
                # Accepted tags
                openai

                  kubernetes   # container orchestration
                c#
                """
            let vocabulary = TagVocabulary(parsing: text, file: "Rules/tags.txt")
            #expect(vocabulary.tags == ["openai", "kubernetes", "c#"])
            #expect(vocabulary.file == "Rules/tags.txt")
        }

        @Test func windowsLineEndsKeepLineNumbers() {
            let list = TagReplacementList(parsing: "# list\r\npowr -> power\r\n\r\nstratgy -> strategy\r\n", file: "r.txt")
            #expect(list.replacements.map(\.line) == [2, 4])
            #expect(list.replacements.map(\.right) == ["power", "strategy"])
        }

        @Test func replacementsAcceptBothArrows() {
            let text = """
                # wrong -> right
                decision-making-calculu -> decision-making-calculus
                geopolitcs → geopolitics
                """
            let list = TagReplacementList(parsing: text, file: "tag-replacements.txt")
            #expect(
                list.replacements == [
                    TagReplacement(
                        wrong: "decision-making-calculu", right: "decision-making-calculus",
                        file: "tag-replacements.txt", line: 2),
                    TagReplacement(wrong: "geopolitcs", right: "geopolitics", file: "tag-replacements.txt", line: 3),
                ])
            #expect(list.malformedLines.isEmpty)
        }

        @Test func malformedReplacementLinesAreReportedByLine() {
            let text = """
                no-arrow-here
                a -> b -> c
                -> right
                wrong ->
                fine -> good
                """
            let list = TagReplacementList(parsing: text, file: "r.txt")
            #expect(list.malformedLines == [1, 2, 3, 4])
            #expect(list.replacements.map(\.wrong) == ["fine"])
        }

        @Test func personalWordListReadsOneWordALine() {
            #expect(PersonalWordList.words(in: "# names\nZedong\n\nkubernetes # tool\n") == ["Zedong", "kubernetes"])
        }

        @Test func anUnreadablePersonalWordListIsAnError() {
            let result = PersonalWordList.load(path: "/nonexistent-folder/words.txt")
            guard case .failure(.personalWordListUnreadable(let path, _)) = result else {
                Issue.record("expected an unreadable-list error, got \(result)")
                return
            }
            #expect(path == "/nonexistent-folder/words.txt")
        }
    }
}
