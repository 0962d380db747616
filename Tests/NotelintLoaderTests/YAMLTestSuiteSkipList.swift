/// yaml-test-suite cases that libyaml 0.2.5 itself gets wrong, per `libyaml-0.2.5-baseline.tsv` next to the suite.
/// A loader built on libyaml inherits them. The conformance test fails when a listed case starts passing, or
/// when a case here is not a libyaml failure in the baseline, so the list cannot grow stale or hide our own bugs.
/// Each reason says what libyaml 0.2.5 does wrong (for rejections, its error and position in `in.yaml`).
enum YAMLTestSuiteSkipList {
    static let cases: [String: String] = [
        "2JQS":
            "rejects valid input (Block Mapping with Missing Keys): did not find expected key (while parsing a block mapping at line 1, column 1) at 1:1",
        "2LFX":
            "rejects valid input (Spec Example 6.13. Reserved Directives [1.3]): found unknown directive name (while scanning a directive at line 1, column 1) at 1:5",
        "2SXE":
            "rejects valid input (Anchors With Colon in Name): mapping values are not allowed in this context at 1:8",
        "4ABK":
            "rejects valid input (Flow Mapping Separate Values): found unexpected ':' (while scanning a plain scalar at line 4, column 1) at 4:14",
        "4MUZ-00":
            "rejects valid input (Flow mapping colon on line after key): did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 1) at 2:1",
        "4MUZ-01":
            "rejects valid input (Flow mapping colon on line after key): did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 1) at 2:1",
        "4MUZ-02":
            "rejects valid input (Flow mapping colon on line after key): did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 1) at 2:1",
        "58MP":
            "rejects valid input (Flow mapping edge cases): did not find expected node content (while parsing a flow node at line 1, column 5) at 1:5",
        "5MUD":
            "rejects valid input (Colon and adjacent value on next line): did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 1) at 3:3",
        "5T43":
            "rejects valid input (Colon at the beginning of adjacent flow scalar): did not find expected node content (while parsing a flow node at line 2, column 11) at 2:11",
        "652Z":
            "different events (Question mark at start of flow key): libyaml reads `?foo` in a flow mapping as an explicit-key indicator and the key `foo`, not the plain scalar `?foo`",
        "6BCT":
            "rejects valid input (Spec Example 6.3. Separation Spaces): found character that cannot start any token (while scanning for the next token at line 3, column 4) at 3:4",
        "6CA3":
            "rejects valid input (Tab indented top flow): found character that cannot start any token (while scanning for the next token at line 1, column 1) at 1:1",
        "6LVF":
            "rejects valid input (Spec Example 6.13. Reserved Directives): found unknown directive name (while scanning a directive at line 1, column 1) at 1:5",
        "6M2F":
            "rejects valid input (Aliases in Explicit Block Mapping): did not find expected key (while parsing a block mapping at line 1, column 1) at 3:1",
        "7Z25":
            "rejects valid input (Bare document after document end marker): did not find expected <document start> at 4:1",
        "8XYN":
            "rejects valid input (Anchor with unicode character): did not find expected alphabetic or numeric character (while scanning an anchor at line 2, column 3) at 2:4",
        "96NN-00":
            "rejects valid input (Leading tab content in literals): found a tab character where an indentation space is expected (while scanning a block scalar at line 1, column 6) at 2:2",
        "96NN-01":
            "rejects valid input (Leading tab content in literals): found a tab character where an indentation space is expected (while scanning a block scalar at line 1, column 6) at 2:2",
        "9C9N":
            "accepts invalid input (Wrong indented flow sequence)",
        "9HCY":
            "accepts invalid input (Need document footer before directives)",
        "9JBA":
            "accepts invalid input (Invalid comment after end of flow sequence)",
        "9SA2":
            "rejects valid input (Multiline double quoted flow mapping key): did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 3) at 4:8",
        "A2M4":
            "rejects valid input (Spec Example 6.2. Indentation Indicators): found character that cannot start any token (while scanning for the next token at line 2, column 4) at 2:4",
        "BEC7":
            "rejects valid input (Spec Example 6.14. “YAML” directive): found incompatible YAML document at 1:1",
        "CFD4":
            "rejects valid input (Empty implicit key in single pair flow sequences): did not find expected node content (while parsing a flow node at line 1, column 5) at 1:5",
        "CVW2":
            "accepts invalid input (Invalid comment after comma)",
        "DBG4":
            "rejects valid input (Spec Example 7.10. Plain Characters): did not find expected node content (while parsing a flow node at line 8, column 5) at 8:5",
        "DK3J":
            "rejects valid input (Zero indented block scalar with line that looks like a comment): did not find expected <document start> at 2:1",
        "DK95-00":
            "rejects valid input (Tabs that look like indentation): found character that cannot start any token (while scanning for the next token at line 2, column 2) at 2:2",
        "DK95-01":
            "accepts invalid input (Tabs that look like indentation)",
        "DK95-03":
            "rejects valid input (Tabs that look like indentation): found character that cannot start any token (while scanning for the next token at line 1, column 2) at 1:2",
        "DK95-04":
            "rejects valid input (Tabs that look like indentation): found a tab character that violates indentation (while scanning a plain scalar at line 1, column 6) at 2:1",
        "EB22":
            "accepts invalid input (Missing document-end marker before directive)",
        "FP8R":
            "rejects valid input (Zero indented block scalar): did not find expected <document start> at 2:1",
        "FRK4":
            "rejects valid input (Spec Example 7.3. Completely Empty Flow Nodes): found unexpected ':' (while scanning a plain scalar at line 2, column 5) at 2:9",
        "G5U8":
            "accepts invalid input (Plain dashes in flow sequence)",
        "HM87-00":
            "rejects valid input (Scalars in flow start with syntax char): did not find expected node content (while parsing a flow node at line 1, column 2) at 1:2",
        "HM87-01":
            "different events (Scalars in flow start with syntax char): libyaml reads `[?x]` as a one-pair mapping with the key `x`, not the plain scalar `?x`",
        "HWV9":
            "rejects valid input (Document-end marker): did not find expected node content (while parsing a block node at line 1, column 1) at 1:1",
        "JEF9-02":
            "different events (Trailing whitespace in streams): libyaml drops the kept trailing line breaks of a `|+` scalar that ends the stream",
        "K3WX":
            "rejects valid input (Colon and adjacent value after comment on next line): did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 1) at 3:3",
        "L24T-01":
            "different events (Trailing line of spaces): libyaml drops the final line break of a kept trailing line of spaces in a block scalar",
        "M2N8-00":
            "rejects valid input (Question mark edge cases): did not find expected key (while parsing a block mapping at line 1, column 5) at 1:5",
        "M7A3":
            "rejects valid input (Spec Example 9.3. Bare Documents): did not find expected <document start> at 6:1",
        "MUS6-00":
            "accepts invalid input (Directive variants)",
        "MUS6-01":
            "accepts invalid input (Directive variants)",
        "MUS6-05":
            "rejects valid input (Directive variants): found unknown directive name (while scanning a directive at line 1, column 1) at 1:5",
        "MUS6-06":
            "rejects valid input (Directive variants): found unknown directive name (while scanning a directive at line 1, column 1) at 1:7",
        "NHX8":
            "rejects valid input (Empty Lines at End of Document): did not find expected key (while parsing a block mapping at line 1, column 1) at 1:1",
        "NJ66":
            "rejects valid input (Multiline plain flow mapping key): did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 3) at 4:7",
        "NKF9":
            "rejects valid input (Empty keys in block and flow mapping): did not find expected key (while parsing a block mapping at line 2, column 1) at 3:1",
        "Q5MG":
            "rejects valid input (Tab at beginning of line followed by a flow mapping): found character that cannot start any token (while scanning for the next token at line 1, column 1) at 1:1",
        "QB6E":
            "accepts invalid input (Wrong indented multiline quoted scalar)",
        "QT73":
            "rejects valid input (Comment and document-end marker): did not find expected node content (while parsing a block node at line 2, column 1) at 2:1",
        "R4YG":
            "rejects valid input (Spec Example 8.2. Block Indentation Indicator): found a tab character where an indentation space is expected (while scanning a block scalar at line 9, column 3) at 10:2",
        "RHX7":
            "accepts invalid input (YAML directive without document end marker)",
        "S3PD":
            "rejects valid input (Spec Example 8.18. Implicit Block Mapping Entries): did not find expected key (while parsing a block mapping at line 1, column 1) at 2:1",
        "S98Z":
            "accepts invalid input (Block scalar with more spaces than first content line)",
        "SM9W-01":
            "rejects valid input (Single character streams): did not find expected key (while parsing a block mapping at line 1, column 1) at 1:1",
        "SU5Z":
            "accepts invalid input (Comment without whitespace after doublequoted scalar)",
        "UKK6-00":
            "rejects valid input (Syntax character edge cases): did not find expected key (while parsing a block mapping at line 1, column 3) at 1:3",
        "UT92":
            "rejects valid input (Spec Example 9.4. Explicit Documents): did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 1) at 3:3",
        "VJP3-01":
            "rejects valid input (Flow collections over many lines): did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 4) at 3:2",
        "W4TN":
            "rejects valid input (Spec Example 9.5. Directives Documents): could not find expected directive name (while scanning a directive at line 3, column 1) at 3:2",
        "W5VH":
            "rejects valid input (Allowed characters in alias): did not find expected alphabetic or numeric character (while scanning an anchor at line 1, column 4) at 1:5",
        "X4QW":
            "accepts invalid input (Comment without whitespace after block scalar indicator)",
        "Y2GN":
            "different events (Anchor with colon in the middle): libyaml ends the anchor name `an:chor` at the colon, so the value becomes `:chor value`",
        "Y79Y-001":
            "rejects valid input (Tabs in various contexts): found a tab character where an indentation space is expected (while scanning a block scalar at line 1, column 6) at 2:2",
        "Y79Y-003":
            "accepts invalid input (Tabs in various contexts)",
        "Y79Y-010":
            "rejects valid input (Tabs in various contexts): found character that cannot start any token (while scanning for the next token at line 1, column 2) at 1:2",
        "YJV2":
            "accepts invalid input (Dash in flow sequence)",
    ]
}
