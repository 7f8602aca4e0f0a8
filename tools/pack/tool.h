#pragma once
#include "pack/model.h"

#include <ostream>
#include <string>

namespace sb {
// Writes a small pack with one module of each kind into `dir`. Returns false with a message.
bool ScaffoldPack(const std::string& dir, std::string& error);
// Writes a role-play as Graphviz DOT: endings coloured by outcome, conditions on the arrows.
void WriteRoleplayDot(const Pack& pack, const Module& module, const std::string& lang, std::ostream& out);
// A GUI script (tests/gui) that plays `module` to each of its endings, from the story's states. False with
// `problem` when an ending cannot be reached.
bool PlaythroughScript(const Pack& pack, const Module& module, const std::string& kiosk_args,
                       std::string& script, std::string& problem);
} // namespace sb
