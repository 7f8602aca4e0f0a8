#include "platform/screenshot.h"

#include <glad/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace sb {

bool SaveScreenshot(const std::string& path, int width, int height, std::string& error) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    stbi_flip_vertically_on_write(1); // GL's rows run bottom-up
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3)) {
        error = "Could not write the screenshot " + path + " (is the folder writable?)";
        return false;
    }
    return true;
}

std::vector<unsigned char> ReadBackBuffer(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    const size_t row = static_cast<size_t>(width) * 3;
    std::vector<unsigned char> flipped(pixels.size()); // GL's rows run bottom-up
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.data() + (height - 1 - y) * row, row, flipped.data() + y * row);
    return flipped;
}

} // namespace sb
