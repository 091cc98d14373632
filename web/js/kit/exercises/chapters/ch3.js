// Chapter 3's exercises (being written).
export default [];
