using System.Runtime.InteropServices;
using System.Text;

namespace NewsExtract.Entities;

/// <summary>Reads the fields of a model payload with bounds checks; any overrun is <see cref="InvalidDataException"/>.</summary>
internal ref struct NerModelReader
{
    private static readonly UTF8Encoding s_utf8 = new(false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public NerModelReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public int Count(int max)
    {
        int value = MemoryMarshal.Read<int>(Take(4));
        if (value < 0 || value > max)
        {
            throw new InvalidDataException($"bad count {value}");
        }

        return value;
    }

    public TItem[] Array<TItem>(int count)
        where TItem : unmanaged
    {
        int size = Marshal.SizeOf<TItem>();
        if ((long)count * size > _data.Length - _position)
        {
            throw new InvalidDataException("unexpected end of data");
        }

        return MemoryMarshal.Cast<byte, TItem>(Take(count * size)).ToArray();
    }

    public string String()
    {
        // BinaryWriter's 7-bit encoded length prefix.
        int length = 0;
        int shift = 0;
        while (true)
        {
            byte b = Take(1)[0];
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }

            shift += 7;
            if (shift > 28)
            {
                throw new InvalidDataException("bad string length");
            }
        }

        return s_utf8.GetString(Take(length));
    }

    public string[] Strings()
    {
        string[] strings = new string[Count(1024)];
        for (int i = 0; i < strings.Length; i++)
        {
            strings[i] = String();
        }

        return strings;
    }

    public readonly void ExpectEnd()
    {
        if (_position != _data.Length)
        {
            throw new InvalidDataException("trailing data");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _data.Length - _position)
        {
            throw new InvalidDataException("unexpected end of data");
        }

        ReadOnlySpan<byte> span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
