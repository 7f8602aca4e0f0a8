#pragma once
// Pack images as GL textures: decoded once with stb_image, kept until the packs reload.
// A missing or broken image gives no texture; the screen shows its alt text instead.
#include <string>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace sb {

struct Texture {
    unsigned int id = 0; // 0: could not be loaded
    int width = 0, height = 0;
    void* ImId() const { return reinterpret_cast<void*>(static_cast<intptr_t>(id)); }
};

class TextureCache {
  public:
    ~TextureCache() { Clear(); }
    // The texture for a file; loads it on first use. Never throws; failures are remembered.
    const Texture& Get(const std::string& path);
    void Clear();
    bool Changed() { return std::exchange(m_changed, false); }

  private:
    std::unordered_map<std::string, Texture> m_textures;
    bool m_changed = false;
};

} // namespace sb
