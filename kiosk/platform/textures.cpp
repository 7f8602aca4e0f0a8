#include "platform/textures.h"

#include <glad/gl.h>
#include <stb_image.h>

#include <cstdio>

namespace sb {

const Texture& TextureCache::Get(const std::string& path) {
    auto it = m_textures.find(path);
    if (it != m_textures.end()) return it->second;
    Texture t;
    int channels = 0;
    // The loader already bounded size and pixel count from the header; decode as RGBA.
    unsigned char* pixels = stbi_load(path.c_str(), &t.width, &t.height, &channels, 4);
    if (pixels && t.width > 0 && t.height > 0 && t.width <= 4096 && t.height <= 4096) {
        glGenTextures(1, &t.id);
        glBindTexture(GL_TEXTURE_2D, t.id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    } else {
        fprintf(stderr, "stageboost: could not show the image %s (%s); showing its alt text\n", path.c_str(),
                stbi_failure_reason() ? stbi_failure_reason() : "unknown");
        t = Texture{};
    }
    if (pixels) stbi_image_free(pixels);
    m_changed = true;
    return m_textures.emplace(path, t).first->second;
}

void TextureCache::Clear() {
    for (auto& [path, t] : m_textures)
        if (t.id) glDeleteTextures(1, &t.id);
    m_textures.clear();
}

} // namespace sb
