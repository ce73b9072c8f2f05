package io.mlexp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Scalars stored as tensors, as TensorFlow 2's writers store them: typed fields or raw little-endian content. */
class TensorScalarsTest {
    @Test
    void aScalarTensorsRawContentIsReadInItsType() {
        var half = TensorProto.newBuilder().setDtype(DataType.DT_HALF)
                .setTensorContent(ByteString.copyFrom(new byte[] {0x00, 0x3c})).build(); // 1.0 in IEEE half precision
        var dbl = TensorProto.newBuilder().setDtype(DataType.DT_DOUBLE)
                .setTensorContent(ByteString.copyFrom(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).array())).build();
        var vector = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).addFloatVal(1).addFloatVal(2)
                .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(2))).build();

        assertThat(TensorBoardEvents.tensorScalar(half)).contains(1.0);
        assertThat(TensorBoardEvents.tensorScalar(dbl)).contains(0.25);
        assertThat(TensorBoardEvents.tensorScalar(vector)).isEmpty();
        assertThat(TensorBoardEvents.halfToFloat(0xc000)).isEqualTo(-2.0f);
        assertThat(TensorBoardEvents.halfToFloat(0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(TensorBoardEvents.halfToFloat(0x0001)).isEqualTo(0x1p-24f);
    }
}
