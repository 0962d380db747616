import Foundation
import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema

struct SARIFReporterTests {
    let reporter = SARIFReporter(rules: SampleReports.rules, currentDirectory: SampleReports.currentDirectory)

    @Test func matchesGoldenOutput() {
        let expected = #"""
            {
              "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "notelint",
                      "version": "0.1.0",
                      "rules": [
                        {
                          "id": "enum-value",
                          "name": "EnumValue",
                          "shortDescription": {
                            "text": "A value must be one the schema lists."
                          },
                          "fullDescription": {
                            "text": "A closed set of values keeps notes \"searchable\": 100% of them."
                          },
                          "help": {
                            "text": "A closed set of values keeps notes \"searchable\": 100% of them."
                          },
                          "defaultConfiguration": {
                            "level": "error"
                          }
                        },
                        {
                          "id": "duplicate-key",
                          "name": "DuplicateKey",
                          "shortDescription": {
                            "text": "A key appears once per mapping."
                          },
                          "fullDescription": {
                            "text": "YAML loaders disagree on which value wins."
                          },
                          "help": {
                            "text": "YAML loaders disagree on which value wins."
                          },
                          "defaultConfiguration": {
                            "level": "warning"
                          }
                        },
                        {
                          "id": "tag-format",
                          "name": "TagFormat",
                          "shortDescription": {
                            "text": "Tags follow the configured style."
                          },
                          "fullDescription": {
                            "text": "Consistent tags group notes together."
                          },
                          "help": {
                            "text": "Consistent tags group notes together."
                          },
                          "defaultConfiguration": {
                            "enabled": false,
                            "level": "note"
                          }
                        }
                      ]
                    }
                  },
                  "originalUriBaseIds": {
                    "%SRCROOT%": {
                      "uri": "file:///home/ana/vault/"
                    }
                  },
                  "columnKind": "unicodeCodePoints",
                  "results": [
                    {
                      "ruleId": "enum-value",
                      "ruleIndex": 0,
                      "level": "error",
                      "message": {
                        "text": "`草稿` is not one of: \"draft\", 'done' (100% sure)\nsee the schema"
                      },
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "notes/%E6%97%A5%E8%A8%98%202024.md",
                              "uriBaseId": "%SRCROOT%"
                            },
                            "region": {
                              "startLine": 2,
                              "startColumn": 9,
                              "endLine": 2,
                              "endColumn": 11,
                              "byteOffset": 12,
                              "byteLength": 6
                            }
                          }
                        }
                      ],
                      "fixes": [
                        {
                          "description": {
                            "text": "replace with `draft`"
                          },
                          "artifactChanges": [
                            {
                              "artifactLocation": {
                                "uri": "notes/%E6%97%A5%E8%A8%98%202024.md",
                                "uriBaseId": "%SRCROOT%"
                              },
                              "replacements": [
                                {
                                  "deletedRegion": {
                                    "byteOffset": 12,
                                    "byteLength": 6
                                  },
                                  "insertedContent": {
                                    "text": "draft"
                                  }
                                }
                              ]
                            }
                          ],
                          "properties": {
                            "applicability": "safe"
                          }
                        }
                      ],
                      "partialFingerprints": {
                        "notelintFingerprint/v1": "54e37d9e71ae49fbbcedbe6d093e6c41e97d5b5b2197e72654832aa2460b9243"
                      }
                    },
                    {
                      "ruleId": "duplicate-key",
                      "ruleIndex": 1,
                      "level": "warning",
                      "message": {
                        "text": "key `title` is defined twice: a & <b>"
                      },
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "notes/%E6%97%A5%E8%A8%98%202024.md",
                              "uriBaseId": "%SRCROOT%"
                            },
                            "region": {
                              "startLine": 4,
                              "startColumn": 1,
                              "endLine": 4,
                              "endColumn": 6,
                              "byteOffset": 28,
                              "byteLength": 5
                            }
                          }
                        }
                      ],
                      "relatedLocations": [
                        {
                          "id": 0,
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "notes/%E6%97%A5%E8%A8%98%202024.md",
                              "uriBaseId": "%SRCROOT%"
                            },
                            "region": {
                              "startLine": 3,
                              "startColumn": 1,
                              "endLine": 3,
                              "endColumn": 6,
                              "byteOffset": 19,
                              "byteLength": 5
                            }
                          },
                          "message": {
                            "text": "first defined here"
                          }
                        }
                      ],
                      "partialFingerprints": {
                        "notelintFingerprint/v1": "0812c9f793445ca494e7f0a22b399832b118ddb9e3b67b3d268defe61b60c677"
                      }
                    },
                    {
                      "ruleId": "tag-format",
                      "ruleIndex": 2,
                      "level": "note",
                      "message": {
                        "text": "tags a,b:c\r\nare odd \u001b[1m"
                      },
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "notes/b.md",
                              "uriBaseId": "%SRCROOT%"
                            },
                            "region": {
                              "startLine": 4,
                              "startColumn": 3,
                              "endLine": 5,
                              "endColumn": 2,
                              "byteOffset": 30,
                              "byteLength": 10
                            }
                          }
                        }
                      ],
                      "partialFingerprints": {
                        "notelintFingerprint/v1": "49b271ac90a94ed74c35b83657f255890e69dbb793a68c0e9e584c05d88eaeb2"
                      }
                    }
                  ]
                }
              ]
            }

            """#
        #expect(reporter.render(SampleReports.report) == expected)
    }

    @Test func sampleReportIsValidAgainstTheSARIFSchema() throws {
        try expectValid(reporter.render(SampleReports.report))
    }

    @Test func emptyReportIsValidAgainstTheSARIFSchema() throws {
        let output = reporter.render(SampleReports.empty)
        #expect(output.contains(#""results": []"#))
        try expectValid(output)
    }

    /// The validator must catch a broken document, or the tests above prove nothing: a level outside the
    /// schema's enum, and a URI that is not one (which needs format checking, from `rfc3986-validator`).
    @Test func validatorRejectsInvalidDocuments() throws {
        let output = reporter.render(SampleReports.report)
        let badLevel = output.replacingOccurrences(of: #""level": "warning""#, with: #""level": "severe""#)
        try expectInvalid(badLevel, mentioning: "severe")
        let badURI = output.replacingOccurrences(of: "notes/%E6%97%A5%E8%A8%98%202024.md", with: "notes/日記 2024.md")
        try expectInvalid(badURI, mentioning: "uri-reference")
    }

    @Test func pathsOutsideTheCurrentDirectoryBecomeFileURIs() throws {
        var diagnostic = SampleReports.report.diagnostics[1]
        diagnostic.path = "../shared notes/#1.md"
        let output = reporter.render(LintReport(diagnostics: [diagnostic], filesChecked: 1))
        #expect(output.contains(#""uri": "file:///home/ana/shared%20notes/%231.md""#))
        #expect(!output.contains(#""uriBaseId": "%SRCROOT%""#))
        try expectValid(output)
    }

    @Test func findingsOfUnlistedRulesHaveNoRuleIndex() throws {
        var diagnostic = SampleReports.report.diagnostics[1]
        diagnostic.ruleID = "not-listed"
        let output = reporter.render(LintReport(diagnostics: [diagnostic], filesChecked: 1))
        #expect(output.contains(#""ruleId": "not-listed""#))
        #expect(!output.contains("ruleIndex"))
    }

    @Test func ruleNamesArePascalCase() {
        #expect(SARIFReporter.ruleName("date-format") == "DateFormat")
        #expect(SARIFReporter.ruleName("yaml-syntax") == "YamlSyntax")
    }

    private func expectValid(_ sarif: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try validate(sarif)
        #expect(result.status == 0, "check-jsonschema rejected the SARIF output:\n\(result.output)", sourceLocation: sourceLocation)
    }

    private func expectInvalid(_ sarif: String, mentioning word: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try validate(sarif)
        #expect(result.status == 1 && result.output.contains(word),
                "check-jsonschema should reject this document, naming \(word):\n\(result.output)", sourceLocation: sourceLocation)
    }

    private func validate(_ sarif: String) throws -> ExternalCommand.Result {
        let schema = RepositoryPaths.shared("schemas/sarif-schema-2.1.0.json")
        try #require(FileManager.default.fileExists(atPath: schema), "the SARIF schema is missing at \(schema)")
        let file = try ExternalCommand.temporaryFile(named: "report.sarif", sarif)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try ExternalCommand.run(["check-jsonschema", "--schemafile", schema, file.path])
        try #require(result.status != ExternalCommand.notFound,
                     "check-jsonschema is not installed; run scripts/setup.sh (python3 -m pip install check-jsonschema rfc3986-validator)")
        return result
    }
}
