// Chapter 1's exercises (being written).
export default [];
