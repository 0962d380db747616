import NotelintEngine
import NotelintSpelling
import Testing

/// The fallback to the dictionary that a release archive ships beside the binary.
@Suite struct HunspellDictionaryLocatorTests {
    @Test func shippedFolderIsUnderTheInstallationPrefix() {
        #expect(HunspellDictionaryLocator.shippedFolder(forExecutableAt: "/opt/notelint/bin/notelint") == "/opt/notelint/share/notelint/hunspell")
        #expect(HunspellDictionaryLocator.shippedFolder(forExecutableAt: "/usr/local/bin/notelint") == "/usr/local/share/notelint/hunspell")
        #expect(HunspellDictionaryLocator.shippedFolder(forExecutableAt: "/bin/notelint") == "/share/notelint/hunspell")
    }

    @Test func shippedFoldersComeAfterTheStandardOnes() {
        let locator = HunspellDictionaryLocator(extraFolders: ["/configured"], shippedFolders: ["/opt/notelint/share/notelint/hunspell"])
        let folders = locator.searchedFolders
        #expect(folders.first == "/configured")
        #expect(folders.last == "/opt/notelint/share/notelint/hunspell")
        let configuredOnly = HunspellDictionaryLocator(
            extraFolders: ["/configured"], searchesStandardFolders: false, shippedFolders: ["/opt/notelint/share/notelint/hunspell"])
        #expect(configuredOnly.searchedFolders == ["/configured"])
    }

    @Test func aDictionaryFoundOnlyInTheShippedFolderIsUsedAndSaidToBeShipped() throws {
        let shipped = TemporaryDictionaryFolder()
        shipped.writeDictionary(language: "xx_SHIPPED", words: ["negotiation"])
        let locator = HunspellDictionaryLocator(shippedFolders: [shipped.path])
        let files = try locator.locate("xx-SHIPPED").get()
        #expect(files.dictionaryPath == shipped.path + "/xx_SHIPPED.dic")
        #expect(locator.isShipped(files))

        let configured = TemporaryDictionaryFolder()
        configured.writeDictionary(language: "xx_SHIPPED", words: ["negotiation"])
        let preferring = HunspellDictionaryLocator(extraFolders: [configured.path], shippedFolders: [shipped.path])
        let preferred = try preferring.locate("xx_SHIPPED").get()
        #expect(preferred.dictionaryPath == configured.path + "/xx_SHIPPED.dic")
        #expect(!preferring.isShipped(preferred))
    }

    @Test func theRunningExecutableHasAShippedFolder() {
        let folders = HunspellDictionaryLocator.shippedFoldersOfThisExecutable
        #expect(folders.count == 1)
        #expect(folders.first?.hasSuffix("/share/notelint/hunspell") == true)
    }
}
