import Testing

@testable import NotelintSpelling

extension SpellingTests {
    @Suite("Typing slips")
    struct TypingSlipTests {
        private func slip(_ typed: String, _ intended: String) -> TypingSlip? {
            TypingSlip(typed: Array(typed.unicodeScalars), intended: Array(intended.unicodeScalars))
        }

        @Test func kindsOfSlip() {
            #expect(slip("stratgy", "strategy")?.kind == .omission)
            #expect(slip("histroy", "history")?.kind == .transposition)
            #expect(slip("neurosciense", "neuroscience")?.kind == .substitution)
            #expect(slip("strategey", "strategy")?.kind == .insertion)
            #expect(slip("strategy", "strategy") == nil)
            #expect(slip("stgy", "strategy") == nil)
        }

        @Test func fingersMakeSomeSlipsNotOthers() {
            #expect(slip("comppetition", "competition")?.isDoubling == true)
            #expect(slip("comppetition", "competition")?.isKeyboardSlip == true)
            #expect(slip("labormarket", "labor-market")?.isHyphen == true)
            #expect(slip("compe-tition", "competition")?.isKeyboardSlip == true)
            // `n` is beside `m`; `k` is far from `c`; `z` added after `h` is neither a double nor a neighbour.
            #expect(slip("labor-narket", "labor-market")?.isKeyboardSlip == true)
            #expect(slip("kanal", "canal")?.isKeyboardSlip == false)
            #expect(slip("healthz", "health")?.isKeyboardSlip == false)
            #expect(slip("rustacean", "crustacean")?.isFrontOmission == true)
            #expect(slip("stratgy", "strategy")?.isFrontOmission == false)
        }

        @Test func neighbouringKeys() {
            #expect(TypingSlip.areNeighbouringKeys("q", "w"))
            #expect(TypingSlip.areNeighbouringKeys("a", "q"))
            #expect(TypingSlip.areNeighbouringKeys("a", "w"))
            #expect(TypingSlip.areNeighbouringKeys("s", "x"))
            #expect(TypingSlip.areNeighbouringKeys("m", "n"))
            #expect(!TypingSlip.areNeighbouringKeys("a", "e"))
            #expect(!TypingSlip.areNeighbouringKeys("c", "k"))
            #expect(!TypingSlip.areNeighbouringKeys("a", "a"))
            #expect(!TypingSlip.areNeighbouringKeys("é", "e"))
        }
    }
}
