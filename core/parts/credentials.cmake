# SSH passwords and key passphrases in the desktop keychain (QtKeychain, over Qt DBus on Linux;
# neither pulls in Qt Gui).
target_sources(trainyard-core PRIVATE
    ${CMAKE_CURRENT_SOURCE_DIR}/credentialstore.cpp ${CMAKE_CURRENT_SOURCE_DIR}/credentialstore.h)
target_link_libraries(trainyard-core PRIVATE Qt6Keychain::Qt6Keychain Qt6::DBus)
