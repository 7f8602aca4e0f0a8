# Fails when a file under modules/ includes an SDL, ImGui, glad or GL header.
file(GLOB_RECURSE files ${DIR}/*.cpp ${DIR}/*.h)
foreach(f IN LISTS files)
    file(STRINGS ${f} hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](SDL|imgui|glad|GL/|epoxy)")
    if(hits)
        message(FATAL_ERROR "${f} includes a UI header (${hits}); modules/ must stay headless.")
    endif()
endforeach()
