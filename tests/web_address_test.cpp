// Web addresses inside help texts: the end screen shows a QR code for each one it finds.
#include "core/web_address.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

TEST(WebAddress, FindsAddressesWithoutTheirSentencePunctuation) {
    EXPECT_EQ(FindWebAddresses("www.discriminatie.nl"), (std::vector<std::string>{"www.discriminatie.nl"}));
    EXPECT_EQ(FindWebAddresses("Via je school, of op www.s-bb.nl."),
              (std::vector<std::string>{"www.s-bb.nl"}));
    EXPECT_EQ(FindWebAddresses("Met een brief: www.mensenrechten.nl/klacht, of bel."),
              (std::vector<std::string>{"www.mensenrechten.nl/klacht"}));
    EXPECT_EQ(FindWebAddresses("(zie https://form.mensenrechten.nl/klachtindienen)"),
              (std::vector<std::string>{"https://form.mensenrechten.nl/klachtindienen"}));
    EXPECT_EQ(FindWebAddresses("a.nl en b.org en a.nl"), (std::vector<std::string>{"a.nl", "b.org"}));
}

TEST(WebAddress, IgnoresWordsThatOnlyHaveADot) {
    EXPECT_TRUE(FindWebAddresses("Vraag het bijv. aan je mentor.").empty());
    EXPECT_TRUE(FindWebAddresses("versie 1.2 en e.g. iets").empty());
    EXPECT_TRUE(FindWebAddresses("").empty());
    EXPECT_TRUE(FindWebAddresses("...nl").empty());
    EXPECT_TRUE(FindWebAddresses("Via je opleiding. Weet je niet wie het is?").empty());
}

TEST(WebAddress, UrlAddsAScheme) {
    EXPECT_EQ(WebAddressUrl("www.discriminatie.nl"), "https://www.discriminatie.nl");
    EXPECT_EQ(WebAddressUrl("http://x.nl"), "http://x.nl");
}

} // namespace
} // namespace sb
